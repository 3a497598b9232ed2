# METADATA
# title: ECS tasks on the host network run unprivileged as a non-root user
# description: |
#   With network_mode = "host" a container shares the instance's network stack;
#   running it privileged or as root lets a compromised container take over the
#   instance. In fiscguard's reading, FISC asks for intrusion to be prevented (実14); AWS maps its
#   control that ECS task definitions have secure networking modes and user
#   definitions (SH.ECS.1) to 実14. In an aws_ecs_task_definition with
#   network_mode "host", every container definition must set a non-root user
#   and must not be privileged.
# custom:
#   id: FG-ECS-001
#   severity: high
#   fisc: ["実14"]
#   fisc_basis: {"実14": "aws-blea-ct:SH.ECS.1"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ecs_task_definition]
#   title_ja: ホストネットワークのECSタスクを非特権・非rootユーザーで実行する
#   description_ja: |
#     network_mode = "host" のコンテナはインスタンスのネットワークスタックを共有する。特権モードやrootで実行すると、侵害されたコンテナがインスタンスを乗っ取るおそれがある。
#     fiscguardの読みでは、FISCは不正侵入の防止（実14）を求めており、AWSはECSタスク定義で安全なネットワークモードとユーザー定義を求める統制（SH.ECS.1）を実14に対応付けている。
#     network_mode が "host" の aws_ecs_task_definition では、すべてのコンテナ定義でroot以外の user を指定し、privileged にしてはならない。
#   remediation: Use network_mode = "awsvpc", or set "user" to a non-root UID (e.g. "1000:1000") and "privileged" to false in every container definition.
#   remediation_ja: network_mode = "awsvpc" を使うか、すべてのコンテナ定義で "user" をroot以外のUID（例："1000:1000"）とし、"privileged" を false にする。
package fiscguard.aws.ecs.host_network_user

import data.fiscguard.lib

root_users := {"", "root", "0", "0:0", "root:root"}

# One finding per task definition, listing every container that runs
# privileged or as root on the host network.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "Task definition %s runs containers with host privileges on the host network: ", "ja": "タスク定義 %s がホストネットワーク上でコンテナをホストの権限で実行している: "},
		"inconclusive": {"en": "Task definition %s: ", "ja": "タスク定義 %s の"},
	})
}

_problems contains {
	"resource": t, "attribute": "container_definitions", "status": "fail",
	"en": sprintf("container %s is privileged", [c.name]),
	"ja": sprintf("コンテナ %s が特権モード", [c.name]),
} if {
	some [t, c] in _host_containers
	c.privileged == true
}

_problems contains {
	"resource": t, "attribute": "container_definitions", "status": "fail",
	"en": sprintf("container %s runs as root", [c.name]),
	"ja": sprintf("コンテナ %s がroot", [c.name]),
} if {
	some [t, c] in _host_containers
	object.get(c, "user", "") in root_users
}

_problems contains {
	"resource": t, "attribute": "container_definitions", "status": "inconclusive",
	"en": "the container definitions are known only after apply",
	"ja": "コンテナ定義は適用後まで確定しない",
} if {
	some t in lib.resources("aws_ecs_task_definition")
	fiscguard.value(t, "network_mode", null) == "host"
	fiscguard.unknown(t, "container_definitions")
}

_host_containers := [[t, c] |
	some t in lib.resources("aws_ecs_task_definition")
	fiscguard.value(t, "network_mode", null) == "host"
	some c in lib.as_array(lib.json_value(t, ["container_definitions"]))
]
