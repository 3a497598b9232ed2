package fiscguard.aws.ecs.host_network_user_test

import data.fiscguard.aws.ecs.host_network_user
import data.fiscguard.lib.testing

task(mode, containers) := testing.resource("aws_ecs_task_definition", "agent", {"family": "agent", "network_mode": mode, "container_definitions": json.marshal(containers)})

test_root_on_host_network_fails if {
	res := host_network_user.deny with input as testing.doc([task("host", [{"name": "agent", "image": "agent:1"}])])
	testing.has(res, "aws_ecs_task_definition.agent", "fail")
}

test_privileged_on_host_network_fails if {
	res := host_network_user.deny with input as testing.doc([task("host", [{"name": "agent", "image": "agent:1", "user": "1000", "privileged": true}])])
	testing.has(res, "aws_ecs_task_definition.agent", "fail")
}

test_non_root_on_host_network_passes if {
	count(host_network_user.deny) == 0 with input as testing.doc([task("host", [{"name": "agent", "image": "agent:1", "user": "1000:1000", "privileged": false}])])
}

test_awsvpc_is_not_judged if {
	count(host_network_user.deny) == 0 with input as testing.doc([task("awsvpc", [{"name": "app", "image": "app:1"}])])
}

test_unknown_definitions_are_inconclusive if {
	t := object.union(testing.resource("aws_ecs_task_definition", "agent", {"network_mode": "host"}), {"unknown": {"container_definitions": true}})
	res := host_network_user.deny with input as testing.doc([t])
	testing.has(res, "aws_ecs_task_definition.agent", "inconclusive")
}

test_deleted_task_is_not_checked if {
	t := object.union(task("host", [{"name": "agent"}]), {"actions": ["delete"]})
	count(host_network_user.deny) == 0 with input as testing.doc([t])
}
