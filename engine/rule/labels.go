package rule

import "github.com/fiscguard/fiscguard/engine/i18n"

// Each domain value owns its label in both languages, so every writer says
// the same thing in the same words (重大度, 簡易な管理, 利用者（金融機関）…).

// Label names the severity: Critical/重大, High/高, Medium/中, Low/低.
func (s Severity) Label() i18n.Text { return severityLabels[s] }

var severityLabels = map[Severity]i18n.Text{
	Critical: {En: "Critical", Ja: "重大"},
	High:     {En: "High", Ja: "高"},
	Medium:   {En: "Medium", Ja: "中"},
	Low:      {En: "Low", Ja: "低"},
	None:     {En: "None", Ja: "なし"},
}

// SeverityTerm is the name of the concept itself.
var SeverityTerm = i18n.Text{En: "Severity", Ja: "重大度"}

// ProfileTerm is the name of the management level (the profile).
var ProfileTerm = i18n.Text{En: "Profile", Ja: "管理区分"}

// StatusLabel names a result status: fail (違反) or inconclusive (判定不能).
func StatusLabel(status string) i18n.Text {
	if status == StatusInconclusive {
		return i18n.Text{En: "Inconclusive", Ja: "判定不能"}
	}
	return i18n.Text{En: "Fail", Ja: "違反"}
}

// WaivedLabel names a finding set aside by a waiver: an accepted exception.
var WaivedLabel = i18n.Text{En: "Waived", Ja: "例外（適用除外）"}

// Label names the numbering scheme.
func (e Edition) Label() i18n.Text {
	if e == Edition8th {
		return i18n.Text{En: "8th edition revised", Ja: "第8版追補改訂"}
	}
	return i18n.Text{En: "current edition", Ja: "現行版"}
}

// FullLabel adds the scheme's prefixes and, for the current one, its
// edition: "current edition (統/実/設/監, 13th edition 2025)".
func (e Edition) FullLabel() i18n.Text {
	if e == Edition8th {
		return i18n.Text{En: "8th edition revised (運/技/設)", Ja: "第8版追補改訂（運/技/設）"}
	}
	return i18n.Text{En: "current edition (統/実/設/監, 13th edition 2025)", Ja: "現行版（統/実/設/監、第13版 2025年）"}
}

// Responsibility is who must act on a FISC item (the seed's 対応の主体).
type Responsibility string

// Responsible parties.
const (
	User     Responsibility = "user"
	Provider Responsibility = "provider"
	Shared   Responsibility = "shared"
)

// Label names the responsible party.
func (r Responsibility) Label() i18n.Text {
	switch r {
	case User:
		return i18n.Text{En: "user (the financial institution)", Ja: "利用者（金融機関）"}
	case Provider:
		return i18n.Text{En: "cloud provider", Ja: "クラウド事業者"}
	case Shared:
		return i18n.Text{En: "shared (provider and user)", Ja: "共同（事業者と利用者）"}
	}
	return i18n.Text{En: string(r), Ja: string(r)}
}

// ResponsibilityTerm is the name of the concept itself.
var ResponsibilityTerm = i18n.Text{En: "Responsibility", Ja: "対応の主体"}

// BasisLabel names a kind of mapping basis (see the Basis kinds).
func BasisLabel(kind string) i18n.Text {
	switch kind {
	case BasisAWSControl:
		return i18n.Text{En: "AWS-published control mapping (BLEA for FSI)", Ja: "AWS公開の統制対応表（BLEA for FSI）"}
	case BasisAWSWorkload:
		return i18n.Text{En: "AWS-published workload mapping (BLEA for FSI); condition fiscguard's", Ja: "AWS公開のワークロード対応表（BLEA for FSI）。判定条件はfiscguardによる"}
	case BasisSeed:
		return i18n.Text{En: "named by the seed (FISC security reference for AWS v1.3)", Ja: "シード文書（AWS対応セキュリティリファレンス第1.3版）が挙げる項目"}
	case BasisDerived:
		return i18n.Text{En: "fiscguard's reading", Ja: "fiscguardによる解釈"}
	}
	return i18n.Text{En: kind, Ja: kind}
}
