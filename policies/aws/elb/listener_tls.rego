# METADATA
# title: Load balancer listeners use TLS with an approved policy
# description: |
#   Plain HTTP exposes requests and session cookies on the network, and an old
#   TLS policy allows protocol versions and ciphers with known weaknesses. In fiscguard's reading, FISC
#   asks for data in transit to be protected against leakage (実4); the mapping of
#   listener TLS to 実4 is ours. An HTTP listener must redirect to HTTPS; an
#   HTTPS or TLS listener must use an ssl_policy from the tls_policies parameter
#   (TLS 1.2 or later). Under simple management only listeners of
#   internet-facing load balancers are judged; under strict management, every
#   listener.
# custom:
#   id: FG-ELB-002
#   severity: high
#   fisc: ["実4"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実4": "derived:TLS on load balancer listeners protects data in transit, as AWS's TLS measures for S3 and SNS under 実4 do for those services", "運110": "seed:運110 names data leakage while the service is in use; plaintext traffic leaks data in transit"}
#   fisc_basis_ja: {"実4": "ロードバランサーのリスナーのTLSは、実4に対するAWSのS3・SNSのTLS対策と同様に伝送中のデータを保護する", "運110": "運110は利用中のデータ漏洩を挙げる。平文の通信は伝送中のデータを漏らす"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   title_ja: ロードバランサーのリスナーで承認済みのポリシーによるTLSを使う
#   description_ja: |
#     平文のHTTPではリクエストやセッションCookieがネットワーク上に露出し、古いTLSポリシーでは既知の弱点があるプロトコルや暗号を許してしまう。
#     fiscguardの読みでは、FISCは伝送データの漏えい防止（実4）を求めている。リスナーのTLSと実4の対応付けはfiscguardによるものである。
#     HTTPリスナーはHTTPSへリダイレクトし、HTTPSまたはTLSのリスナーはパラメータ tls_policies（TLS 1.2以上）の ssl_policy を使う。簡易な管理ではインターネット向けロードバランサーのリスナーだけを、厳格な管理ではすべてのリスナーを判定する。
#   remediation: Serve HTTPS with ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another policy in tls_policies) and turn HTTP listeners into a redirect to HTTPS (default_action type "redirect", protocol "HTTPS").
#   remediation_ja: ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"（または tls_policies の他のポリシー）でHTTPSを提供し、HTTPリスナーはHTTPSへのリダイレクト（default_action の type を "redirect"、protocol を "HTTPS"）にする。
package fiscguard.aws.elb.listener_tls

import data.fiscguard.lib.aws.elb.lb
import data.fiscguard.lib

deny contains fiscguard.fail(
	l, "protocol",
	sprintf("Listener %s serves plain HTTP without redirecting to HTTPS", [l.address]),
	sprintf("リスナー %s がHTTPSへリダイレクトせずに平文のHTTPを提供している", [l.address]),
) if {
	some l in _listeners
	fiscguard.value(l, "protocol", null) == "HTTP"
	not redirects_to_https(l)
}

deny contains fiscguard.fail(
	l, "ssl_policy",
	sprintf("Listener %s uses the TLS policy %s, which is not approved", [l.address, fiscguard.value(l, "ssl_policy", null)]),
	sprintf("リスナー %s が承認されていないTLSポリシー %s を使っている", [l.address, fiscguard.value(l, "ssl_policy", null)]),
) if {
	some l in _listeners
	fiscguard.value(l, "protocol", null) in {"HTTPS", "TLS"}
	is_string(fiscguard.value(l, "ssl_policy", null))
	not fiscguard.value(l, "ssl_policy", null) in approved
}

deny contains fiscguard.inconclusive(
	l, "ssl_policy",
	sprintf("Listener %s: the TLS policy is chosen by AWS at creation (set ssl_policy explicitly)", [l.address]),
	sprintf("リスナー %s のTLSポリシーは作成時にAWSが選ぶ（ssl_policy を明示的に設定する）", [l.address]),
) if {
	some l in _listeners
	fiscguard.value(l, "protocol", null) in {"HTTPS", "TLS"}
	not is_string(fiscguard.value(l, "ssl_policy", null))
}

approved := {p | some p in lib.param("tls_policies")}

_listeners := [l |
	some l in lb.listeners
	in_scope(l)
]

in_scope(_) if lib.strict

in_scope(l) if {
	some b in lb.of_listener(l)
	lb.internet_facing(b)
}

# A listener whose load balancer is not in the plan is judged as internet-facing.
in_scope(l) if count(lb.of_listener(l)) == 0

redirects_to_https(l) if {
	some a in fiscguard.value(l, "default_action", [])
	a.type == "redirect"
	some r in object.get(a, "redirect", [])
	r.protocol == "HTTPS"
}
