package rule

import "fmt"

// Edition is a FISC numbering scheme. The two schemes are never converted
// into each other: a rule cites its items in each scheme separately.
type Edition string

// Editions.
const (
	// EditionCurrent is the 9th-edition-onward scheme (統/実/設/監); 実 numbers
	// are stable from the 10th to the 13th edition.
	EditionCurrent Edition = "current"
	// Edition8th is the 8th edition revised (設/運/技), the seed's scheme.
	Edition8th Edition = "8th"
)

// ParseEdition accepts current or 8th.
func ParseEdition(s string) (Edition, error) {
	switch Edition(s) {
	case EditionCurrent, Edition8th:
		return Edition(s), nil
	}
	return "", fmt.Errorf("unknown edition %q (want current or 8th)", s)
}
