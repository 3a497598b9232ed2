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

func TestProviderAddress(t *testing.T) {
	tests := []struct{ module, source, alias, want string }{
		{"", DefaultRegistry + "aws", "", `provider["registry.terraform.io/hashicorp/aws"]`},
		{"", DefaultRegistry + "aws", "us", `provider["registry.terraform.io/hashicorp/aws"].us`},
		{"module.a.module.b", "registry.terraform.io/integrations/github", "", `module.a.module.b.provider["registry.terraform.io/integrations/github"]`},
	}
	for _, tt := range tests {
		if got := ProviderAddress(tt.module, tt.source, tt.alias); got != tt.want {
			t.Errorf("ProviderAddress(%q, %q, %q) = %s, want %s", tt.module, tt.source, tt.alias, got, tt.want)
		}
	}
	if p := ProviderForKey("module.m:aws.us"); p.Address != `module.m.provider["registry.terraform.io/hashicorp/aws"].us` || p.Module != "module.m" || p.Alias != "us" {
		t.Errorf("ProviderForKey = %+v", p)
	}
}

func TestLinkProviders(t *testing.T) {
	doc := &Document{
		Providers: []Provider{{Key: "aws.us", Address: `provider["registry.terraform.io/hashicorp/aws"].us`}},
		Resources: []Resource{
			{Address: "aws_s3_bucket.b", Mode: ModeManaged, Provider: "aws.us"},
			{Address: "aws_s3_bucket.a", Mode: ModeManaged, Provider: "aws.us"},
			{Address: "aws_vpc.main", Mode: ModeManaged, Provider: "aws"},
			{Address: "data.aws_region.here", Mode: ModeData, Provider: "aws"},
		},
	}
	doc.LinkProviders()
	if len(doc.Providers) != 2 || doc.Providers[0].Key != "aws" || doc.Providers[1].Key != "aws.us" {
		t.Fatalf("providers = %+v", doc.Providers)
	}
	if got := doc.Providers[0]; got.Address != `provider["registry.terraform.io/hashicorp/aws"]` || len(got.Resources) != 1 || got.Resources[0] != "aws_vpc.main" {
		t.Errorf("implicit provider = %+v", got)
	}
	if got := doc.Providers[1].Resources; len(got) != 2 || got[0] != "aws_s3_bucket.a" {
		t.Errorf("resources = %v", got)
	}
}

// TestInputErrorIsOneLine: an input error stays on one line whatever line
// breaks its file name or message hold.
func TestInputErrorIsOneLine(t *testing.T) {
	for _, tt := range []struct {
		err  InputError
		want string
	}{
		{InputError{File: "plan.json", Msg: `not a supported Terraform plan: invalid format version "\n": malformed version: ` + "\n"}, `plan.json: not a supported Terraform plan: invalid format version "\n": malformed version:`},
		{InputError{File: "a\nb.tf", Line: 3, Column: 2, Msg: "two\r\nlines"}, "a b.tf:3:2: two lines"},
		{InputError{File: "x.yaml", Line: 1, Msg: "a\u2028b"}, "x.yaml:1: a b"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}
