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
	"actions": ["create"],
	"values": values,
	"unknown": {},
	"refs": {},
}

# doc wraps resources into an input document.
doc(resources) := {
	"kind": "plan",
	"terraform_version": "1.9.5",
	"complete": true,
	"errored": false,
	"providers": [{"key": "aws", "name": "aws", "alias": "", "module": "", "region": "ap-northeast-1"}],
	"resources": resources,
}

# has is true when results hold one for address with the given status.
has(results, address, status) if {
	some r in results
	r.resource == address
	r.status == status
}
