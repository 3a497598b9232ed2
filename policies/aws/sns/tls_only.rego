# METADATA
# title: SNS topics accept only TLS requests
# description: |
#   Without a policy that denies insecure transport, clients may publish to or
#   read from a topic over plain HTTP. AWS's core-banking mapping lists
#   requiring TLS on Amazon SNS topics, with TLS on S3 buckets, as the measure
#   for preventing leakage of data in transit (実4). Every aws_sns_topic needs a
#   policy (its own policy argument or an aws_sns_topic_policy whose arn refers
#   to it) with a Deny statement for everyone when aws:SecureTransport is false.
#   The rule runs under strict management.
# custom:
#   id: FG-SNS-001
#   severity: low
#   fisc: ["実4"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実4": "aws-blea-workload:core-banking governance, TLS required on Amazon SNS topics", "運110": "seed:運110 names data leakage while the service is in use; plaintext transfer leaks data in transit"}
#   fisc_basis_ja: {"実4": "勘定系（共通統制）：Amazon SNSトピックへのTLS必須化", "運110": "運110は利用中のデータ漏洩を挙げる。平文の転送は伝送中のデータを漏らす"}
#   profile: strict
#   strict_reason: "AWS lists TLS-only SNS topics among the measures of its core-banking reference, not among its baseline controls; fiscguard reads it as the higher standard of 実4."
#   strict_reason_ja: "AWSはSNSトピックのTLS必須化を勘定系リファレンスの対策に挙げているが、基本の統制には含めていない。fiscguardは実4の高い基準と読む。"
#   responsibility: user
#   resource_types: [aws_sns_topic]
#   title_ja: SNSトピックでTLSによる要求だけを受け付ける
#   description_ja: |
#     安全でない通信を拒否するポリシーがないと、クライアントは平文のHTTPでトピックに発行したり読み取ったりできてしまう。
#     AWSの勘定系の対応表は、S3バケットとともにAmazon SNSトピックでのTLSの必須化を伝送データの漏えい防止（実4）の対策に挙げている。
#     すべての aws_sns_topic に、aws:SecureTransport が false のときに全員を拒否する Deny 文を含むポリシー（トピック自身の policy 引数、または arn でトピックを参照する aws_sns_topic_policy）を設ける。厳格な管理で適用する。
#   remediation: Add an aws_sns_topic_policy with a statement Effect = "Deny", Principal = "*", Action = "sns:Publish" (or "SNS:*"), Condition Bool aws:SecureTransport = "false".
#   remediation_ja: Effect = "Deny"、Principal = "*"、Action = "sns:Publish"（または "SNS:*"）、条件 Bool aws:SecureTransport = "false" の文を含む aws_sns_topic_policy を追加する。
package fiscguard.aws.sns.tls_only

import data.fiscguard.lib
import data.fiscguard.lib.aws.iam

deny contains fiscguard.fail(
	t, "",
	sprintf("SNS topic %s has no policy denying requests without TLS", [t.address]),
	sprintf("SNSトピック %s にTLSを使わない要求を拒否するポリシーがない", [t.address]),
) if {
	some t in lib.resources("aws_sns_topic")
	not _tls_only(t)
	not _unknown(t)
}

deny contains fiscguard.inconclusive(
	t, "",
	sprintf("SNS topic %s: whether its policy denies requests without TLS is known only after apply", [t.address]),
	sprintf("SNSトピック %s のポリシーがTLSを使わない要求を拒否するかは適用後まで確定しない", [t.address]),
) if {
	some t in lib.resources("aws_sns_topic")
	not _tls_only(t)
	_unknown(t)
}

_denied := {"sns:publish", "sns:*", "*"}

_tls_only(t) if iam.denies_insecure_transport(iam.document(t, "policy"), _denied)

_tls_only(t) if {
	some p in lib.referrers(t, "aws_sns_topic_policy", "arn")
	iam.denies_insecure_transport(iam.document(p, "policy"), _denied)
}

# _unknown: a policy known only after apply, as a whole or in the parts that
# decide.
_unknown(t) if {
	some p in lib.referrers(t, "aws_sns_topic_policy", "arn")
	iam.may_deny_insecure_transport(iam.document(p, "policy"), _denied)
}

_unknown(t) if iam.may_deny_insecure_transport(iam.document(t, "policy"), _denied)
