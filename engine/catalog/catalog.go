// Package catalog loads the FISC catalog: every FISC item a policy may cite,
// in both numbering schemes, with who is responsible for it and whether IaC
// can decide it.
package catalog

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/goccy/go-yaml"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Decidability is how far a Terraform configuration can decide an item.
type Decidability string

// Decidabilities.
const (
	Full    Decidability = "full"
	Partial Decidability = "partial"
	None    Decidability = "none"
)

// Label says how far infrastructure as code decides the item.
func (d Decidability) Label() i18n.Text {
	switch d {
	case Full:
		return i18n.Text{En: "fully decidable from IaC", Ja: "IaCで判断できる"}
	case Partial:
		return i18n.Text{En: "partly decidable from IaC", Ja: "IaCで一部判断できる"}
	}
	return i18n.Text{En: "not decidable from IaC", Ja: "IaCでは判断できない"}
}

// Item is one FISC item. Titles are our own paraphrases, never FISC's text.
type Item struct {
	ID       string       `yaml:"id" json:"id"`
	Edition  rule.Edition `yaml:"edition" json:"edition"`
	Category i18n.Text    `yaml:"category" json:"category"`
	Title    i18n.Text    `yaml:"title" json:"title"`
	// TitleSource is where the title comes from; only a primary source
	// verifies it.
	TitleSource TitleSource `yaml:"title_source" json:"title_source"`
	// TitleVerified is true when a primary public source gives the title
	// (TitleSource is seed).
	TitleVerified bool `yaml:"-" json:"title_verified"`
	// Retired marks a number FISC no longer uses (欠番): it is kept so that
	// old references resolve, but it is no item anyone must meet.
	Retired        bool                `yaml:"retired" json:"retired,omitempty"`
	Responsibility rule.Responsibility `yaml:"responsibility" json:"responsibility"`
	IaC            Decidability        `yaml:"iac" json:"iac"`
	IaCNote        i18n.Text           `yaml:"iac_note" json:"iac_note"`
	Simple         i18n.Text           `yaml:"simple" json:"simple"`
	Strict         i18n.Text           `yaml:"strict" json:"strict"`
	// Ours names the statements about the item that are fiscguard's own
	// reading rather than a source's: responsibility, expectations (the
	// simple and strict texts).
	Ours  []string `yaml:"ours" json:"ours,omitempty"`
	Basis string   `yaml:"basis" json:"basis"`
	// ProviderEvidence names the Documents the institution obtains for the
	// provider's side of the item (required when the provider is responsible).
	ProviderEvidence []string `yaml:"provider_evidence" json:"provider_evidence"`
}

// Document is what the institution obtains from the cloud provider as
// evidence of the provider's controls, such as a third-party audit report
// (the seed's 第三者監査レポート等).
type Document struct {
	ID    string    `yaml:"id" json:"id"`
	Title i18n.Text `yaml:"title" json:"title"`
	// Source is where and how the institution obtains it.
	Source i18n.Text `yaml:"source" json:"source"`
}

// TitleSource is where an item's title comes from.
type TitleSource string

// Title sources.
const (
	// TitleFromSeed: the seed document (a public primary source) names the item.
	TitleFromSeed TitleSource = "seed"
	// TitleFromSecondary: a personal repository (caf_for_fsi) gives the
	// title; no primary source confirms it.
	TitleFromSecondary TitleSource = "secondary"
	// TitleInferred: no source gives a title that fits AWS's use of the
	// number; the title is our inference from that use.
	TitleInferred TitleSource = "inferred"
	// TitleUnknown: no public source gives a title; the item is its number.
	TitleUnknown TitleSource = "none"
)

// Label says where a title comes from, in both languages.
func (s TitleSource) Label() i18n.Text {
	switch s {
	case TitleFromSeed:
		return i18n.Text{En: "title from the seed document (a public primary source)", Ja: "項目名はシード文書（公開の一次資料）による"}
	case TitleFromSecondary:
		return i18n.Text{En: "title from a secondary source (a personal repository), unverified", Ja: "項目名は二次資料（個人のリポジトリ）によるもので未検証"}
	case TitleInferred:
		return i18n.Text{En: "title inferred by fiscguard from AWS's use of the number, unverified", Ja: "項目名はAWSによる番号の使い方からfiscguardが推定したもので未検証"}
	}
	return i18n.Text{En: "no public source gives the title", Ja: "項目名を示す公開資料はない"}
}

// Statements an item's Ours may name.
const (
	OursResponsibility = "responsibility"
	OursExpectations   = "expectations"
)

// Control is an AWS control (Control Tower guardrail or Security Hub
// control) that AWS's BLEA for FSI maps to FISC items, with the reason when
// no rule implements it. Titles are our paraphrases of AWS's control names.
type Control struct {
	ID    string    `yaml:"id" json:"id"`
	FISC  []string  `yaml:"fisc" json:"fisc"`
	Title i18n.Text `yaml:"title" json:"title"`
	// Recommended is AWS's mark (◯) that the control should be enabled.
	Recommended bool `yaml:"recommended" json:"recommended"`
	// WithoutRule says why no rule implements the control; empty when one does.
	WithoutRule i18n.Text `yaml:"without_rule" json:"without_rule"`
}

// ManagementLevels states how fiscguard places a requirement in simple or
// strict management (簡易な管理・厳格な管理) and where that rule comes from.
type ManagementLevels struct {
	Placement i18n.Text `yaml:"placement" json:"placement"`
	Source    i18n.Text `yaml:"source" json:"source"`
}

// Catalog is the set of known FISC items and AWS controls, by ID, and the
// provider documents the items name.
type Catalog struct {
	items      map[string]*Item
	controls   map[string]*Control
	documents  map[string]*Document
	management ManagementLevels
}

type file struct {
	Documents  []*Document      `yaml:"documents"`
	Items      []*Item          `yaml:"items"`
	Management ManagementLevels `yaml:"management_levels"`
	Controls   []*Control       `yaml:"controls"`
}

// Parse reads a catalog document and checks every item.
func Parse(name string, src []byte) (*Catalog, error) {
	var f file
	if err := yaml.UnmarshalWithOptions(src, &f, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, false))
	}
	c := &Catalog{items: make(map[string]*Item, len(f.Items)), controls: make(map[string]*Control, len(f.Controls)),
		documents: map[string]*Document{}, management: f.Management}
	for i, d := range f.Documents {
		switch {
		case d.ID == "":
			return nil, fmt.Errorf("%s: document %d: missing id", name, i+1)
		case d.Title.En == "" || d.Title.Ja == "" || d.Source.En == "" || d.Source.Ja == "":
			return nil, fmt.Errorf("%s: document %s: title and source need en and ja", name, d.ID)
		}
		if _, dup := c.documents[d.ID]; dup {
			return nil, fmt.Errorf("%s: document %s is listed twice", name, d.ID)
		}
		c.documents[d.ID] = d
	}
	for i, it := range f.Items {
		if err := it.validate(c.documents); err != nil {
			return nil, fmt.Errorf("%s: item %d (%s): %w", name, i+1, it.ID, err)
		}
		if _, dup := c.items[it.ID]; dup {
			return nil, fmt.Errorf("%s: item %s is listed twice", name, it.ID)
		}
		it.TitleVerified = it.TitleSource == TitleFromSeed
		c.items[it.ID] = it
	}
	for i, ctl := range f.Controls {
		if err := c.validateControl(ctl); err != nil {
			return nil, fmt.Errorf("%s: control %d (%s): %w", name, i+1, ctl.ID, err)
		}
		if _, dup := c.controls[ctl.ID]; dup {
			return nil, fmt.Errorf("%s: control %s is listed twice", name, ctl.ID)
		}
		c.controls[ctl.ID] = ctl
	}
	if (f.Management.Placement.En == "") != (f.Management.Placement.Ja == "") {
		return nil, fmt.Errorf("%s: management_levels.placement needs en and ja", name)
	}
	return c, nil
}

func (c *Catalog) validateControl(ctl *Control) error {
	switch {
	case !ControlID.MatchString(ctl.ID):
		return fmt.Errorf("id %q is not an AWS control ID like SH.S3.8 or AWS-GR_RESTRICTED_SSH", ctl.ID)
	case ctl.Title.En == "" || ctl.Title.Ja == "":
		return fmt.Errorf("title needs en and ja")
	case (ctl.WithoutRule.En == "") != (ctl.WithoutRule.Ja == ""):
		return fmt.Errorf("without_rule needs en and ja")
	}
	for _, id := range ctl.FISC {
		it, ok := c.items[id]
		if !ok || it.Edition != rule.EditionCurrent || it.Retired {
			return fmt.Errorf("fisc lists %s, which is not a current-edition item of the catalog", id)
		}
	}
	return nil
}

// ControlID matches an AWS control ID: a Security Hub control (SH.S3.8) or
// a Control Tower guardrail (AWS-GR_RESTRICTED_SSH).
var ControlID = regexp.MustCompile(`^(SH\.[A-Za-z0-9]+\.[0-9]+|AWS-GR_[A-Z0-9_]+)$`)

// ControlIDs returns the AWS control IDs named in a text, in order.
func ControlIDs(text string) []string {
	return controlIDs.FindAllString(text, -1)
}

// WithoutControlIDs removes the AWS control IDs from a text.
func WithoutControlIDs(text string) string { return controlIDs.ReplaceAllString(text, "") }

var controlIDs = regexp.MustCompile(`SH\.[A-Za-z0-9]+\.[0-9]+|AWS-GR_[A-Z0-9_]+`)

func (it *Item) validate(documents map[string]*Document) error {
	switch {
	case it.ID == "":
		return fmt.Errorf("missing id")
	case it.Title.En == "" || it.Title.Ja == "":
		return fmt.Errorf("title needs en and ja")
	}
	if _, err := rule.ParseEdition(string(it.Edition)); err != nil {
		return err
	}
	switch it.Responsibility {
	case rule.User, rule.Provider, rule.Shared:
	default:
		return fmt.Errorf("responsibility %q is not user, provider or shared", it.Responsibility)
	}
	switch it.IaC {
	case Full, Partial, None:
	default:
		return fmt.Errorf("iac %q is not full, partial or none", it.IaC)
	}
	switch it.TitleSource {
	case "":
		it.TitleSource = TitleUnknown // unverified unless a source is named
	case TitleFromSeed, TitleFromSecondary, TitleInferred, TitleUnknown:
	default:
		return fmt.Errorf("title_source %q is not seed, secondary, inferred or none", it.TitleSource)
	}
	for _, o := range it.Ours {
		if o != OursResponsibility && o != OursExpectations {
			return fmt.Errorf("ours names %q (want %s or %s)", o, OursResponsibility, OursExpectations)
		}
	}
	if it.Retired && (it.IaC != None || it.Simple.En != "" || it.Strict.En != "") {
		return fmt.Errorf("a retired number has iac none and no expectations")
	}
	for _, id := range it.ProviderEvidence {
		if documents[id] == nil {
			return fmt.Errorf("provider_evidence names document %q, which is not in documents", id)
		}
	}
	if it.Responsibility == rule.Provider && len(it.ProviderEvidence) == 0 {
		return fmt.Errorf("the provider is responsible, so provider_evidence must name what the institution obtains instead")
	}
	return nil
}

// Lookup returns the item with the given ID, retired numbers included.
func (c *Catalog) Lookup(id string) (*Item, bool) {
	it, ok := c.items[id]
	return it, ok
}

// Document returns the provider document with the given ID.
func (c *Catalog) Document(id string) (*Document, bool) {
	d, ok := c.documents[id]
	return d, ok
}

// Control returns the AWS control with the given ID.
func (c *Catalog) Control(id string) (*Control, bool) {
	ctl, ok := c.controls[id]
	return ctl, ok
}

// Controls returns every AWS control, sorted by ID.
func (c *Catalog) Controls() []*Control {
	out := make([]*Control, 0, len(c.controls))
	for _, ctl := range c.controls {
		out = append(out, ctl)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Management returns how requirements are placed in simple or strict management.
func (c *Catalog) Management() ManagementLevels { return c.management }

// Items returns every item in force (retired numbers left out), sorted by
// edition, then ID.
func (c *Catalog) Items() []*Item { return c.sorted(false) }

// Retired returns the retired numbers (欠番), sorted by ID.
func (c *Catalog) Retired() []*Item { return c.sorted(true) }

func (c *Catalog) sorted(retired bool) []*Item {
	out := make([]*Item, 0, len(c.items))
	for _, it := range c.items {
		if it.Retired == retired {
			out = append(out, it)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Edition != out[j].Edition {
			return out[i].Edition < out[j].Edition
		}
		return LessID(out[i].ID, out[j].ID)
	})
	return out
}

// LessID orders FISC IDs naturally, 実3 < 実14 < 実14-1 < 実100: by prefix, then numerically.
func LessID(a, b string) bool {
	pa, na := splitID(a)
	pb, nb := splitID(b)
	if pa != pb {
		return pa < pb
	}
	for i := 0; i < len(na) && i < len(nb); i++ {
		if na[i] != nb[i] {
			return na[i] < nb[i]
		}
	}
	return len(na) < len(nb)
}

func splitID(id string) (string, []int) {
	var prefix []rune
	var nums []int
	cur, inNum := 0, false
	for _, r := range id {
		switch {
		case r >= '0' && r <= '9':
			cur, inNum = cur*10+int(r-'0'), true
		case inNum:
			nums, cur, inNum = append(nums, cur), 0, false
		default:
			prefix = append(prefix, r)
		}
	}
	if inNum {
		nums = append(nums, cur)
	}
	return string(prefix), nums
}
