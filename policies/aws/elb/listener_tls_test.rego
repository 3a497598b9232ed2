package fiscguard.aws.elb.listener_tls_test

import data.fiscguard.aws.elb.listener_tls
import data.fiscguard.lib.testing

params := {"tls_policies": ["ELBSecurityPolicy-TLS13-1-2-2021-06"]}

lb(internal) := testing.resource("aws_lb", "web", {"internal": internal, "load_balancer_type": "application"})

listener(name, values) := object.union(testing.resource("aws_lb_listener", name, values), {"refs": {"load_balancer_arn": ["aws_lb.web"]}})

http := listener("http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "forward"}]})

redirect := listener("http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]})

https(policy) := listener("https", {"port": 443, "protocol": "HTTPS", "ssl_policy": policy, "default_action": [{"type": "forward"}]})

test_plain_http_on_public_lb_fails if {
	res := listener_tls.deny with input as testing.doc([lb(false), http]) with data.fiscguard.params as params
	testing.has(res, "aws_lb_listener.http", "fail")
}

test_redirect_passes if {
	count(listener_tls.deny) == 0 with input as testing.doc([lb(false), redirect]) with data.fiscguard.params as params
}

test_approved_policy_passes if {
	count(listener_tls.deny) == 0 with input as testing.doc([lb(false), https("ELBSecurityPolicy-TLS13-1-2-2021-06")]) with data.fiscguard.params as params
}

test_old_policy_fails if {
	res := listener_tls.deny with input as testing.doc([lb(false), https("ELBSecurityPolicy-2016-08")]) with data.fiscguard.params as params
	testing.has(res, "aws_lb_listener.https", "fail")
}

test_policy_left_to_aws_is_inconclusive if {
	res := listener_tls.deny with input as testing.doc([lb(false), https(null)]) with data.fiscguard.params as params
	testing.has(res, "aws_lb_listener.https", "inconclusive")
}

test_internal_lb_only_under_strict if {
	count(listener_tls.deny) == 0 with input as testing.doc([lb(true), http]) with data.fiscguard.params as params
	res := listener_tls.deny with input as testing.doc([lb(true), http]) with data.fiscguard.params as params
		with data.fiscguard.profile as "strict"
	testing.has(res, "aws_lb_listener.http", "fail")
}

test_deleted_listener_is_not_checked if {
	l := object.union(http, {"actions": ["delete"]})
	count(listener_tls.deny) == 0 with input as testing.doc([lb(false), l]) with data.fiscguard.params as params
}
