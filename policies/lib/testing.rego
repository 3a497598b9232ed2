# METADATA
# title: helpers for policy unit tests
# description: Build input documents shaped like the loader's, so tests stay short.
package fiscguard.lib.testing

# resource builds a root-module managed resource being created in ap-northeast-1.
resource(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "",
	"mode": "managed",
	"type": type,
	"name": name,
	"index": null,
	"provider": "aws",
	"region": "ap-northeast-1",
	"region_written": false,
	"actions": ["create"],
	"values": values,
	"unknown": {},
	"refs": {},
}

# doc wraps resources into an input document, with the root aws provider
# configuration in ap-northeast-1 in force for the resources that use it.
doc(resources) := doc_with([provider("aws", "ap-northeast-1")], resources)

# doc_with wraps resources into an input document with the given provider
# configurations, each linked to the managed resources whose provider is its key.
doc_with(providers, resources) := {
	"kind": "plan",
	"terraform_version": "1.9.5",
	"complete": true,
	"errored": false,
	"providers": [object.union(p, {"resources": [r.address | some r in resources; r.provider == p.key; r.mode == "managed"]}) | some p in providers],
	"resources": resources,
}

# provider builds a root provider configuration for key ("aws" or "aws.alias")
# with the given region ("" when none is known); its region argument is written
# when region is not "".
provider(key, region) := {
	"key": key,
	"address": _provider_address(name, alias),
	"name": name,
	"alias": alias,
	"module": "",
	"region": region,
	"region_written": region != "",
} if {
	parts := split(key, ".")
	name := parts[0]
	alias := concat(".", array.slice(parts, 1, count(parts)))
}

_provider_address(name, "") := sprintf("provider[%q]", [concat("", ["registry.terraform.io/hashicorp/", name])])

_provider_address(name, alias) := sprintf("provider[%q].%s", [concat("", ["registry.terraform.io/hashicorp/", name]), alias]) if alias != ""

# has is true when results hold one for address with the given status.
has(results, address, status) if {
	some r in results
	r.resource == address
	r.status == status
}

# known_in_part builds resource r whose attribute attr holds a JSON string
# known only after apply that the loader knows in part (as rendered from an
# aws_iam_policy_document): statements, with null where a value is unknown,
# and their unknown trees.
known_in_part(r, attr, statements, unknown) := object.union(r, {
	"values": object.remove(r.values, [attr]),
	"unknown": {attr: true},
	"documents": {attr: {
		"value": {"Version": "2012-10-17", "Statement": statements},
		"unknown": {"Statement": unknown},
	}},
})
