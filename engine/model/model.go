// Package model defines the one input document that every policy sees,
// whether it was loaded from a Terraform plan or from HCL.
package model

import (
	"sort"
	"strings"
)

// Kinds of input a Document can come from.
const (
	KindPlan = "plan"
	KindHCL  = "hcl"
)

// Modes of a resource, as Terraform names them.
const (
	ModeManaged = "managed"
	ModeData    = "data"
)

// Redacted replaces every sensitive value before policies see the document,
// so secrets can never reach a finding or an output.
const Redacted = "(sensitive value)"

// Document is what a loader makes of a plan or a configuration. Policies
// see the part of it engine/policy/input.go defines, not these structs.
type Document struct {
	Kind             string
	TerraformVersion string
	FormatVersion    string
	// Complete is false when Terraform could not plan every change
	// (deferred changes, -target); Errored is true when planning failed.
	Complete  bool
	Errored   bool
	Providers []Provider
	Resources []Resource
	// Outputs are the root module's outputs: each output's name and the
	// resource instances its expression refers to (through locals, module
	// variables and outputs), sorted. What a root output exports may be
	// used by another configuration.
	Outputs map[string][]string
	// Modules are the module call instances of an HCL scan, with where each
	// call is written; plan findings are mapped to source through them.
	Modules []ModuleCall
	// Variables are a plan's root module variable values, used only to
	// evaluate its configuration for source locations; never output.
	Variables map[string]any
	// Sources are the configuration files a loader read, by the path
	// locations name them, so outputs can quote the lines findings point at.
	Sources map[string]*Source
}

// ModuleCall is one instance of a module call.
type ModuleCall struct {
	// Address is the module instance address, e.g. module.vpc or module.a["x"].
	Address string
	Source  string
	// Remote is true for a module from a registry or repository, whose files
	// are not part of the scanned repository.
	Remote bool
	// Evaluated is false for a remote module that is not installed.
	Evaluated bool
	Location  *Location
}

// Provider is one provider configuration, keyed as Terraform keys it in the
// plan's configuration ("aws", "aws.tokyo", "module.m:aws").
type Provider struct {
	Key string
	// Address is Terraform's provider configuration address, which stays the
	// same across edits: provider["registry.terraform.io/hashicorp/aws"].tokyo,
	// or module.m.provider["registry.terraform.io/hashicorp/aws"] in a module.
	Address string
	Name    string
	Alias   string
	Module  string
	Region  string
	// RegionWritten is true when the configuration sets a region argument
	// (whose value may still be unknown).
	RegionWritten bool
	// Resources are the addresses of the managed resources the configuration
	// is in force for, sorted (see LinkProviders).
	Resources []string
	// Source is where the provider block is written, RegionSource where its
	// region argument is; nil when unknown (an implicit configuration, or a
	// plan whose configuration was not mapped).
	Source       *Location
	RegionSource *Location
}

// DefaultRegistry is where a provider's source address points when the
// configuration does not say otherwise (hashicorp's namespace).
const DefaultRegistry = "registry.terraform.io/hashicorp/"

// ProviderAddress renders Terraform's provider configuration address from a
// module's config address ("" for the root, module.a.module.b), the
// provider's source address and its alias.
func ProviderAddress(module, source, alias string) string {
	addr := `provider["` + source + `"]`
	if alias != "" {
		addr += "." + alias
	}
	if module != "" {
		addr = module + "." + addr
	}
	return addr
}

// ProviderForKey describes the implicit configuration behind a provider key
// ("aws", "aws.x", "module.m:aws") when no block configures it: the empty
// configuration Terraform creates, from the default registry.
func ProviderForKey(key string) Provider {
	module, local := "", key
	if i := strings.LastIndexByte(key, ':'); i >= 0 {
		module, local = key[:i], key[i+1:]
	}
	name, alias, _ := strings.Cut(local, ".")
	return Provider{Key: key, Address: ProviderAddress(module, DefaultRegistry+name, alias), Name: name, Alias: alias, Module: module}
}

// LinkProviders gives every provider configuration the managed resources it
// is in force for, adding the implicit configuration of a key that
// resources use but no configuration lists; providers stay sorted by key.
func (d *Document) LinkProviders() {
	index := map[string]int{}
	for i := range d.Providers {
		index[d.Providers[i].Key] = i
		d.Providers[i].Resources = nil
	}
	for _, r := range d.Resources {
		if r.Mode != ModeManaged || r.Provider == "" {
			continue
		}
		i, ok := index[r.Provider]
		if !ok {
			i = len(d.Providers)
			index[r.Provider] = i
			d.Providers = append(d.Providers, ProviderForKey(r.Provider))
		}
		d.Providers[i].Resources = append(d.Providers[i].Resources, r.Address)
	}
	for i := range d.Providers {
		sort.Strings(d.Providers[i].Resources)
	}
	sort.Slice(d.Providers, func(i, j int) bool { return d.Providers[i].Key < d.Providers[j].Key })
}

// Resource is one resource instance.
type Resource struct {
	// Address is exactly Terraform's instance address, e.g. module.a["x"].aws_s3_bucket.b[0].
	Address string
	// ConfigAddress is the address without instance keys, as configuration
	// expressions refer to it: module.a.aws_s3_bucket.b.
	ConfigAddress string
	// Module is the module instance address ("" for the root module).
	Module   string
	Mode     string
	Type     string
	Name     string
	Index    any
	Provider string
	// Region is where the resource is placed, when known: its own region
	// argument's value when it sets one (RegionWritten; AWS provider v6),
	// else its provider configuration's.
	Region string
	// RegionWritten is true when the resource sets its own region argument
	// to a value (which may be unknown, and Region then ""; null leaves the
	// provider's): its region is not its provider configuration's.
	RegionWritten bool
	Actions       []string
	// Values are the planned after-values (plan) or evaluated attributes (HCL).
	Values map[string]any
	// Unknown mirrors the shape of Values, with true where a value the
	// configuration sets is known only after apply. An argument the provider
	// computes (left unset, or null) is in neither (a plan's markers for it
	// are dropped), so policies judge it by its default in both loaders.
	// Only true marks are kept: a wholly known value has none (no key in an
	// object), and a collection known in part holds its elements' marks, a
	// known element of a list false to keep the others' places
	// ({"cidr_blocks": [false, true]}). Where HCL knows a list in part, a
	// provider's plan may mark it true as a whole; fiscguard.unknown reads both
	// as unknown.
	Unknown map[string]any
	// Refs maps a top-level attribute (or nested block type) to the
	// instance addresses of the resources its expressions refer to,
	// followed through locals, module input variables and module outputs
	// to the resources themselves. A reference without an instance key
	// (aws_x.y[count.index] reads as aws_x.y) names the instance with the
	// referrer's own key when there is one, else every instance (see
	// addrs.Expansion.Resolve).
	Refs map[string][]string
	// Unresolved maps an attribute to what its expressions refer to that
	// leads to no resource instance in the document, written as absolute
	// references: a local value (a plan does not show locals), a data
	// source or resource with no instance here, an output of a module that
	// was not evaluated. With Refs it tells a value known only after apply
	// because it is set from something else from one the provider computes
	// because it is left unset.
	Unresolved map[string][]string
	// Documents holds, for a top-level attribute whose JSON string is known
	// only after apply, the policy document it is known to be: the json of
	// an aws_iam_policy_document data source (on the data source itself,
	// and on every attribute whose value is exactly that json), rendered
	// from the arguments as far as they are known. Policies read JSON
	// documents through the lib helpers, which prefer the string.
	Documents map[string]PolicyDocument
	Source    *Location
	// Locations maps attribute paths, as policies name them
	// ("ingress[0].cidr_blocks"), to where they are written, when known.
	Locations map[string]*Location
	// Related is where a resource of a remote module is written inside the
	// module; Source is then the module call in the scanned repository.
	Related *Location
	// Extent is the whole block (Source is its first line), when known.
	Extent *Location
	// Uncertain marks a stand-in for instances whose count or for_each is
	// known only after apply: it may not exist at all, so findings on it are
	// inconclusive rather than failures.
	Uncertain bool
}

// PolicyDocument is a JSON policy document known in part. Value is shaped
// as the JSON decodes, with null where a member, list element or statement
// is known only after apply (unlike Resource.Values, an unknown member stays,
// so a condition's keys are known when its values are not). Unknown mirrors
// Value with true there; it is nil when the whole document is known.
type PolicyDocument struct {
	Value   map[string]any `json:"value"`
	Unknown map[string]any `json:"unknown,omitempty"`
}

// Locate returns where an attribute path is written: the path itself, else
// its nearest written parent ("ingress[0]" for "ingress[0].to_port"), else
// the resource's block.
func (r *Resource) Locate(path string) *Location {
	if loc := Nearest(r.Locations, path); loc != nil {
		return loc
	}
	return r.Source
}

// Nearest returns where an attribute path, or its nearest parent, is
// written in locs; nil when neither is.
func Nearest(locs map[string]*Location, path string) *Location {
	for p := path; p != "" && locs != nil; p = parentPath(p) {
		if loc, ok := locs[p]; ok {
			return loc
		}
	}
	return nil
}

// parentPath drops the last step of an attribute path: a.b[0].c → a.b[0] → a.b → a.
func parentPath(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '.' || p[i] == '[' {
			return p[:i]
		}
	}
	return ""
}

// Location is a place in a source file. Lines and columns are 1-based;
// zero means unknown.
type Location struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

// Checked reports whether policies judge the resource's configuration:
// managed resources that are not only being deleted.
func (r *Resource) Checked() bool {
	if r.Mode != ModeManaged {
		return false
	}
	return !(len(r.Actions) == 1 && r.Actions[0] == "delete")
}
