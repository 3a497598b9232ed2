package model

import "testing"

func TestLocate(t *testing.T) {
	block := &Location{File: "main.tf", Line: 1}
	ingress := &Location{File: "main.tf", Line: 4}
	cidr := &Location{File: "main.tf", Line: 7}
	r := &Resource{Source: block, Locations: map[string]*Location{"ingress[0]": ingress, "ingress[0].cidr_blocks": cidr}}
	tests := []struct {
		path string
		want *Location
	}{
		{"ingress[0].cidr_blocks", cidr},
		{"ingress[0].to_port", ingress},
		{"ingress[1].to_port", block},
		{"", block},
		{"tags.env", block},
	}
	for _, tt := range tests {
		if got := r.Locate(tt.path); got != tt.want {
			t.Errorf("Locate(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if got := (&Resource{Source: block}).Locate("x"); got != block {
		t.Errorf("without locations: %v", got)
	}
}
