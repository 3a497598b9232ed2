# METADATA
# title: Load balancer helpers
# description: Which load balancers face the internet, and the listener joins.
package fiscguard.lib.aws.elb.lb

import data.fiscguard.lib

# types are the two names of the same resource.
types := ["aws_lb", "aws_alb"]

# listener_types are the two names of a load balancer listener.
listener_types := ["aws_lb_listener", "aws_alb_listener"]

# load_balancers lists every aws_lb and aws_alb.
load_balancers := [b | some t in types; some b in lib.resources(t)]

# listeners lists every aws_lb_listener and aws_alb_listener.
listeners := [l | some t in listener_types; some l in lib.resources(t)]

# internet_facing is true for a load balancer that is not internal.
internet_facing(b) if fiscguard.value(b, "internal", false) != true

# application is true for an Application Load Balancer (the default type).
application(b) if fiscguard.value(b, "load_balancer_type", "application") == "application"

# of_listener returns the load balancers a listener's load_balancer_arn refers to.
of_listener(l) := [b | some t in types; some b in lib.referenced(l, "load_balancer_arn", t)]
