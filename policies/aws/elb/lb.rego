# METADATA
# title: Load balancer helpers
# description: Which load balancers face the internet, and the listener joins.
package fiscguard.aws.elb.lb

import data.fiscguard.lib

types := ["aws_lb", "aws_alb"]

# load_balancers lists every aws_lb and aws_alb (the same resource, two names).
load_balancers := [b | some t in types; some b in lib.resources(t)]

# internet_facing is true for a load balancer that is not internal.
internet_facing(b) if object.get(b.values, "internal", false) != true

# application is true for an Application Load Balancer (the default type).
application(b) if object.get(b.values, "load_balancer_type", "application") == "application"

# of_listener returns the load balancers a listener's load_balancer_arn refers to.
of_listener(l) := array.concat(lib.referenced(l, "load_balancer_arn", "aws_lb"), lib.referenced(l, "load_balancer_arn", "aws_alb"))
