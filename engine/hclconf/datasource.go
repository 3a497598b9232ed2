package hclconf

import (
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// providerData fills in what Terraform's AWS provider reads at plan time for
// data sources whose result follows from the provider configuration alone:
// the region and the partition. Terraform reads a data source during plan
// when its arguments are known, so these values are known then too; other
// data sources' results stay known only after apply.
func providerData(typ string, attrs map[string]cty.Value, providerRegion string) {
	region := providerRegion
	for _, arg := range []string{"region", "name"} {
		if s, ok := knownString(attrs[arg]); ok && s != "" {
			region = s
		}
	}
	if region == "" {
		// Terraform knows them (the provider's region comes from its
		// environment); fiscguard does not, but they are never null: an
		// argument left null is the provider's to fill.
		for _, a := range computedByProvider[typ] {
			if v, ok := attrs[a]; !ok || v.IsNull() {
				attrs[a] = cty.UnknownVal(cty.String)
			}
		}
		return
	}
	switch typ {
	case "aws_region":
		for _, a := range []string{"name", "region", "id"} {
			attrs[a] = cty.StringVal(region)
		}
	case "aws_partition":
		p := partitionOf(region)
		attrs["partition"], attrs["id"] = cty.StringVal(p.name), cty.StringVal(p.name)
		attrs["dns_suffix"], attrs["reverse_dns_prefix"] = cty.StringVal(p.dnsSuffix), cty.StringVal(p.reverseDNS)
	}
}

// computedByProvider are the attributes providerData fills in, by type.
var computedByProvider = map[string][]string{
	"aws_region":    {"name", "region", "id"},
	"aws_partition": {"partition", "id", "dns_suffix", "reverse_dns_prefix"},
}

type partition struct{ name, dnsSuffix, reverseDNS string }

// partitionOf is the AWS partition a region belongs to, by its prefix.
func partitionOf(region string) partition {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return partition{"aws-cn", "amazonaws.com.cn", "cn.com.amazonaws"}
	case strings.HasPrefix(region, "us-gov-"):
		return partition{"aws-us-gov", "amazonaws.com", "com.amazonaws"}
	case strings.HasPrefix(region, "us-isob-"):
		return partition{"aws-iso-b", "sc2s.sgov.gov", "gov.sgov.sc2s"}
	case strings.HasPrefix(region, "us-iso-"):
		return partition{"aws-iso", "c2s.ic.gov", "gov.ic.c2s"}
	}
	return partition{"aws", "amazonaws.com", "com.amazonaws"}
}
