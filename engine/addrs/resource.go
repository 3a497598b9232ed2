package addrs

// Modes of a resource block, as Terraform names them.
const (
	ManagedMode = "managed"
	DataMode    = "data"
)

// Resource is a resource or data block within one module: aws_s3_bucket.b
// or data.aws_iam_policy_document.p.
type Resource struct {
	Mode, Type, Name string
}

// String renders r as a reference names it within its module.
func (r Resource) String() string {
	if r.Mode != ManagedMode && r.Mode != "" {
		return r.Mode + "." + r.Type + "." + r.Name
	}
	return r.Type + "." + r.Name
}

// ResourceInstance is one instance of a resource within its module. As the
// subject of a reference, a nil Key names the whole resource (every
// instance), as aws_s3_bucket.b does.
type ResourceInstance struct {
	Resource Resource
	Key      Key
}

// String renders the instance: aws_s3_bucket.b[0].
func (r ResourceInstance) String() string {
	return r.Resource.String() + KeyString(r.Key)
}

// Absolute places the instance in a module instance.
func (r ResourceInstance) Absolute(m ModuleInstance) AbsResourceInstance {
	return AbsResourceInstance{Module: m, Resource: r}
}

// AbsResourceInstance is a resource instance's full address, as a plan's
// resource_changes writes it: module.a["x"].aws_s3_bucket.b[0].
type AbsResourceInstance struct {
	Module   ModuleInstance
	Resource ResourceInstance
}

func (a AbsResourceInstance) String() string {
	return Join(a.Module.String(), a.Resource.String())
}

// Config returns the configuration address the instance comes from.
func (a AbsResourceInstance) Config() ConfigResource {
	return ConfigResource{Module: a.Module.Module(), Resource: a.Resource.Resource}
}

// ConfigResource is a resource block's address in the configuration,
// without instance keys: module.a.aws_s3_bucket.b.
type ConfigResource struct {
	Module   Module
	Resource Resource
}

func (c ConfigResource) String() string {
	return Join(c.Module.String(), c.Resource.String())
}
