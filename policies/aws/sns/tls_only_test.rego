package fiscguard.aws.sns.tls_only_test

import data.fiscguard.aws.sns.tls_only
import data.fiscguard.lib.testing

topic := testing.resource("aws_sns_topic", "alerts", {"name": "bank-alerts"})

deny_plain := {"Version": "2012-10-17", "Statement": [{
	"Effect": "Deny", "Principal": "*", "Action": "SNS:Publish", "Resource": "*",
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}]}

topic_policy(doc) := object.union(testing.resource("aws_sns_topic_policy", "alerts", {"policy": json.marshal(doc)}), {"refs": {"arn": ["aws_sns_topic.alerts"]}})

test_topic_without_policy_fails if {
	res := tls_only.deny with input as testing.doc([topic])
	testing.has(res, "aws_sns_topic.alerts", "fail")
}

test_topic_policy_denying_plain_passes if {
	count(tls_only.deny) == 0 with input as testing.doc([topic, topic_policy(deny_plain)])
}

test_inline_policy_passes if {
	t := testing.resource("aws_sns_topic", "alerts", {"name": "bank-alerts", "policy": json.marshal(deny_plain)})
	count(tls_only.deny) == 0 with input as testing.doc([t])
}

test_policy_without_the_deny_fails if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*"}]}
	res := tls_only.deny with input as testing.doc([topic, topic_policy(doc)])
	testing.has(res, "aws_sns_topic.alerts", "fail")
}

test_unknown_policy_is_inconclusive if {
	p := object.union(testing.resource("aws_sns_topic_policy", "alerts", {}), {"unknown": {"policy": true}, "refs": {"arn": ["aws_sns_topic.alerts"]}})
	res := tls_only.deny with input as testing.doc([topic, p])
	testing.has(res, "aws_sns_topic.alerts", "inconclusive")
}

test_deleted_topic_is_not_checked if {
	count(tls_only.deny) == 0 with input as testing.doc([object.union(topic, {"actions": ["delete"]})])
}

in_part(statements, unknown) := object.union(
	testing.known_in_part(testing.resource("aws_sns_topic_policy", "alerts", {}), "policy", statements, unknown),
	{"refs": {"arn": ["aws_sns_topic.alerts"]}},
)

test_deny_known_in_part_passes if {
	st := object.union(deny_plain.Statement[0], {"Resource": null})
	count(tls_only.deny) == 0 with input as testing.doc([topic, in_part([st], [{"Resource": true}])])
}

test_deny_for_unknown_actions_is_inconclusive if {
	st := object.union(deny_plain.Statement[0], {"Action": null})
	res := tls_only.deny with input as testing.doc([topic, in_part([st], [{"Action": true}])])
	testing.has(res, "aws_sns_topic.alerts", "inconclusive")
}

test_policy_known_in_part_without_the_deny_fails if {
	st := {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": null}
	res := tls_only.deny with input as testing.doc([topic, in_part([st], [{"Resource": true}])])
	testing.has(res, "aws_sns_topic.alerts", "fail")
}
