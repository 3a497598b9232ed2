// Package catalog loads the FISC catalog: every FISC item a policy may cite,
// in both numbering schemes, with who is responsible for it and whether IaC
// can decide it.
package catalog

import (
	"fmt"
	"sort"

	"github.com/goccy/go-yaml"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Responsible parties, following the seed's 対応の主体.
const (
	ResponsibilityUser     = "user"
	ResponsibilityProvider = "provider"
	ResponsibilityShared   = "shared"
)

// Item is one FISC item. Titles are our own paraphrases, never FISC's text.
type Item struct {
	ID       string       `yaml:"id" json:"id"`
	Edition  rule.Edition `yaml:"edition" json:"edition"`
	Category i18n.Text    `yaml:"category" json:"category"`
	Title    i18n.Text    `yaml:"title" json:"title"`
	// TitleVerified is false where no public source confirms the meaning.
	TitleVerified  bool      `yaml:"title_verified" json:"title_verified"`
	Responsibility string    `yaml:"responsibility" json:"responsibility"`
	IaC            string    `yaml:"iac" json:"iac"`
	IaCNote        i18n.Text `yaml:"iac_note" json:"iac_note"`
	Simple         i18n.Text `yaml:"simple" json:"simple"`
	Strict         i18n.Text `yaml:"strict" json:"strict"`
	Basis          string    `yaml:"basis" json:"basis"`
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

// Catalog is the set of known FISC items, by ID, and the provider documents
// they name.
type Catalog struct {
	items     map[string]*Item
	documents map[string]*Document
}

type file struct {
	Documents []*Document `yaml:"documents"`
	Items     []*Item     `yaml:"items"`
}

// Parse reads a catalog document and checks every item.
func Parse(name string, src []byte) (*Catalog, error) {
	var f file
	if err := yaml.UnmarshalWithOptions(src, &f, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, false))
	}
	c := &Catalog{items: make(map[string]*Item, len(f.Items)), documents: map[string]*Document{}}
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
		c.items[it.ID] = it
	}
	return c, nil
}

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
	case ResponsibilityUser, ResponsibilityProvider, ResponsibilityShared:
	default:
		return fmt.Errorf("responsibility %q is not user, provider or shared", it.Responsibility)
	}
	switch it.IaC {
	case "full", "partial", "none":
	default:
		return fmt.Errorf("iac %q is not full, partial or none", it.IaC)
	}
	for _, id := range it.ProviderEvidence {
		if documents[id] == nil {
			return fmt.Errorf("provider_evidence names document %q, which is not in documents", id)
		}
	}
	if it.Responsibility == ResponsibilityProvider && len(it.ProviderEvidence) == 0 {
		return fmt.Errorf("the provider is responsible, so provider_evidence must name what the institution obtains instead")
	}
	return nil
}

// Lookup returns the item with the given ID.
func (c *Catalog) Lookup(id string) (*Item, bool) {
	it, ok := c.items[id]
	return it, ok
}

// Document returns the provider document with the given ID.
func (c *Catalog) Document(id string) (*Document, bool) {
	d, ok := c.documents[id]
	return d, ok
}

// Items returns every item sorted by edition, then ID.
func (c *Catalog) Items() []*Item {
	out := make([]*Item, 0, len(c.items))
	for _, it := range c.items {
		out = append(out, it)
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
