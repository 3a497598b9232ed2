package fiscguard.lib.aws.elb.lb_test

import data.fiscguard.lib.aws.elb.lb
import data.fiscguard.lib.testing

public := testing.resource("aws_lb", "public", {})

internal := testing.resource("aws_alb", "internal", {"internal": true, "load_balancer_type": "network"})

listener := object.union(testing.resource("aws_alb_listener", "https", {}), {"refs": {"load_balancer_arn": ["aws_alb.internal"]}})

doc := testing.doc([public, internal, listener])

test_both_names_are_read if {
	count(lb.load_balancers) == 2 with input as doc
	[l.address | some l in lb.listeners] == ["aws_alb_listener.https"] with input as doc
}

test_internet_facing_and_application if {
	lb.internet_facing(public)
	not lb.internet_facing(internal)
	lb.application(public)
	not lb.application(internal)
}

test_of_listener if {
	[b.address | some b in lb.of_listener(listener)] == ["aws_alb.internal"] with input as doc
}
