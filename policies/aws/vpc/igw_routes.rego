# METADATA
# title: Only public-tier route tables route to the internet gateway
# description: |
#   A default route (0.0.0.0/0 or ::/0) to an internet gateway makes every
#   subnet using that route table public. In fiscguard's reading, FISC asks for externally reachable
#   systems to be kept to a minimum (実15); AWS maps its control that detects
#   unrestricted routes to internet gateways (AWS-GR_NO_UNRESTRICTED_ROUTE_TO_IGW)
#   to 実15. A plan cannot tell a public tier from a private one by itself, so a
#   route table may carry such a route only when it has all the tags of the
#   public_route_table_tags parameter (tier = public by default). Checks
#   aws_route and the inline route blocks of aws_route_table. Runs under strict
#   management.
# custom:
#   id: FG-VPC-002
#   severity: medium
#   fisc: ["実15"]
#   fisc_basis: {"実15": "aws-blea-ct:AWS-GR_NO_UNRESTRICTED_ROUTE_TO_IGW"}
#   profile: strict
#   strict_reason: "AWS marks this control optional (not recommended by default), and telling a public tier from a private one needs the institution's own tagging convention."
#   strict_reason_ja: "AWSはこの統制を任意としており（既定では推奨しない）、公開層と非公開層の区別には金融機関自身のタグ付けの規約が必要である。"
#   responsibility: user
#   resource_types: [aws_route, aws_route_table]
#   title_ja: インターネットゲートウェイへの経路はパブリック層のルートテーブルに限る
#   description_ja: |
#     インターネットゲートウェイへのデフォルトルート（0.0.0.0/0 または ::/0）があると、そのルートテーブルを使うサブネットはすべてパブリックになる。
#     fiscguardの読みでは、FISCは外部から接続できる機器の最小化（実15）を求めており、AWSはインターネットゲートウェイへの無制限の経路を検出する統制（AWS-GR_NO_UNRESTRICTED_ROUTE_TO_IGW）を実15に対応付けている。
#     プランだけではパブリック層とプライベート層を区別できないため、パラメータ public_route_table_tags のタグ（既定は tier = public）をすべて持つルートテーブルにだけ、このような経路を認める。aws_route と aws_route_table 内の route ブロックを検査する。厳格な管理で適用する。
#   remediation: Send private subnets' internet traffic through a NAT gateway or a firewall, and tag the route tables of the public tier (e.g. tier = "public") as set in public_route_table_tags.
#   remediation_ja: プライベートサブネットのインターネット向け通信はNATゲートウェイやファイアウォールを経由させ、パブリック層のルートテーブルには public_route_table_tags で定めたタグ（例：tier = "public"）を付ける。
package fiscguard.aws.vpc.igw_routes

import data.fiscguard.lib

deny contains fiscguard.fail(
	r, "gateway_id",
	sprintf("Route %s sends all traffic to an internet gateway from a route table not tagged as public", [r.address]),
	sprintf("ルート %s がパブリックのタグのないルートテーブルから全通信をインターネットゲートウェイへ送っている", [r.address]),
) if {
	some r in lib.resources("aws_route")
	_default(fiscguard.value(r, "destination_cidr_block", null), fiscguard.value(r, "destination_ipv6_cidr_block", null))
	_igw(r, "gateway_id", fiscguard.value(r, "gateway_id", null))
	some t in lib.referenced(r, "route_table_id", "aws_route_table")
	not public_table(t)
}

# One finding per route table, listing its default routes to an internet gateway.
deny contains result if {
	some result in fiscguard.one_per_resource(_table_routes, {
		"fail": {"en": "Route table %s sends all traffic to an internet gateway but is not tagged as public: ", "ja": "ルートテーブル %s がパブリックのタグなしに全通信をインターネットゲートウェイへ送っている: "},
		"inconclusive": {"en": "Route table %s: ", "ja": "ルートテーブル %s の"},
	})
}

_table_routes contains {
	"resource": t, "attribute": attr, "status": "fail",
	"en": attr, "ja": attr,
} if {
	some t in lib.resources("aws_route_table")
	some i, route in fiscguard.value(t, "route", [])
	_default(object.get(route, "cidr_block", null), object.get(route, "ipv6_cidr_block", null))
	_igw(t, "route", object.get(route, "gateway_id", null))
	not public_table(t)
	attr := sprintf("route[%d].gateway_id", [i])
}

_default(v4, _) if v4 == "0.0.0.0/0"

_default(_, v6) if v6 == "::/0"

_igw(_, _, id) if {
	is_string(id)
	startswith(id, "igw-")
}

_igw(r, attr, _) if {
	some addr in object.get(r.refs, attr, [])
	contains(addr, "aws_internet_gateway.")
}

public_table(t) if {
	tags := fiscguard.value(t, "tags", {})
	every k, v in lib.param("public_route_table_tags") {
		object.get(tags, k, null) == v
	}
}
