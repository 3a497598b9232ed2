// Package tffunc is the library of Terraform's built-in functions that the HCL
// evaluator calls while it evaluates a module.
//
// Most functions come from go-cty's stdlib (the same implementations Terraform
// uses) and yamlencode/yamldecode from go-cty-yaml; the rest are written
// here. Every function behaves like Terraform's, with deliberate differences
// that keep a scan deterministic and safe:
//
//   - timestamp, plantimestamp, uuid and bcrypt return unknown strings, and
//     type (a console-only function) returns an unknown string;
//   - file functions read only inside the scanned tree (see Table);
//   - pathexpand does not expand "~", it returns its argument;
//
// and others for values that Terraform reads while planning but fiscguard
// cannot (data sources): what follows from the known arguments alone is
// known, as it is for Terraform then:
//
//   - slice of an unknown list by known bounds, and cidrsubnets of an unknown
//     prefix, have as many (unknown) elements as Terraform's result has;
//   - try returns the first alternative that succeeds with what of it is
//     known, and can is true for it, where HCL's would be wholly unknown.
//
// Sensitive values carry the cty mark Sensitive, which the sensitive function
// adds and every other function propagates to its result.
package tffunc

import (
	"sort"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Sensitive is the cty mark for a sensitive value: the Go string "sensitive",
// as in val.Mark(tffunc.Sensitive) and val.HasMark(tffunc.Sensitive). The
// sensitive function adds it, nonsensitive removes it, and all other
// functions carry it from their arguments to their results.
const Sensitive = "sensitive"

// Table returns Terraform's built-in functions for evaluating a module whose
// directory is moduleDir. File functions (file, filebase64, fileexists, fileset,
// templatefile, filesha256, …) read only inside root (the scanned tree; moduleDir is
// inside it); a path that escapes root (../ beyond it, absolute paths outside it,
// symlinks resolving outside it) is an error returned by the function call, never a read.
//
// Relative paths given to file functions and abspath resolve against
// moduleDir. Terraform resolves them against its working directory (the root
// module's), not the calling module's, which is why modules write
// file("${path.module}/x"); so path.module, path.root and path.cwd must be
// relative to moduleDir (or absolute). With path.module relative to the root
// module, pass the root module's directory as moduleDir for every module.
//
// Each call builds a fresh table; it is safe to use from one goroutine per
// table and holds no state between calls.
func Table(root, moduleDir string) map[string]function.Function {
	fs := newConfinedFS(root, moduleDir)
	t := pureFuncs()
	for name, f := range fileFuncs(fs) {
		t[name] = f
	}
	for name, f := range t {
		t[name] = guard(name, f)
	}
	// Templates see every function except templatefile and templatestring,
	// which Terraform forbids inside a template so that a template cannot
	// render itself forever.
	inner := make(map[string]function.Function, len(t)+2)
	for name, f := range t {
		inner[name] = f
	}
	inner["templatefile"] = recursiveTemplateFunc("templatefile")
	inner["templatestring"] = recursiveTemplateFunc("templatestring")
	t["templatestring"] = guard("templatestring", makeTemplateStringFunc(inner))
	t["templatefile"] = guard("templatefile", makeTemplateFileFunc(fs, inner))
	return t
}

// Names returns the sorted names of every function Table provides.
func Names() []string {
	t := Table(".", ".")
	names := make([]string, 0, len(t))
	for name := range t {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// pureFuncs are the functions that touch no file system.
func pureFuncs() map[string]function.Function {
	return map[string]function.Function{
		// Numeric.
		"abs":      stdlib.AbsoluteFunc,
		"ceil":     stdlib.CeilFunc,
		"floor":    stdlib.FloorFunc,
		"log":      stdlib.LogFunc,
		"max":      stdlib.MaxFunc,
		"min":      stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc,
		"pow":      stdlib.PowFunc,
		"signum":   stdlib.SignumFunc,

		// String.
		"chomp":       stdlib.ChompFunc,
		"endswith":    EndsWithFunc,
		"format":      stdlib.FormatFunc,
		"formatlist":  stdlib.FormatListFunc,
		"indent":      stdlib.IndentFunc,
		"join":        stdlib.JoinFunc,
		"lower":       stdlib.LowerFunc,
		"regex":       stdlib.RegexFunc,
		"regexall":    stdlib.RegexAllFunc,
		"replace":     ReplaceFunc,
		"split":       stdlib.SplitFunc,
		"startswith":  StartsWithFunc,
		"strcontains": StrContainsFunc,
		"strrev":      stdlib.ReverseFunc,
		"substr":      stdlib.SubstrFunc,
		"title":       stdlib.TitleFunc,
		"trim":        stdlib.TrimFunc,
		"trimprefix":  stdlib.TrimPrefixFunc,
		"trimspace":   stdlib.TrimSpaceFunc,
		"trimsuffix":  stdlib.TrimSuffixFunc,
		"upper":       stdlib.UpperFunc,

		// Collection.
		"alltrue":         AllTrueFunc,
		"anytrue":         AnyTrueFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        CoalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"index":           IndexFunc,
		"keys":            stdlib.KeysFunc,
		"length":          LengthFunc,
		"lookup":          LookupFunc,
		"matchkeys":       MatchKeysFunc,
		"merge":           stdlib.MergeFunc,
		"one":             OneFunc,
		"range":           stdlib.RangeFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      stdlib.SetProductFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"slice":           SliceFunc,
		"sort":            stdlib.SortFunc,
		"sum":             SumFunc,
		"transpose":       TransposeFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,

		// Encoding.
		"base64decode":     Base64DecodeFunc,
		"base64encode":     Base64EncodeFunc,
		"base64gzip":       Base64GzipFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"jsondecode":       stdlib.JSONDecodeFunc,
		"jsonencode":       stdlib.JSONEncodeFunc,
		"textdecodebase64": TextDecodeBase64Func,
		"textencodebase64": TextEncodeBase64Func,
		"urlencode":        URLEncodeFunc,
		"yamldecode":       ctyyaml.YAMLDecodeFunc,
		"yamlencode":       ctyyaml.YAMLEncodeFunc,

		// Date and time.
		"formatdate":    stdlib.FormatDateFunc,
		"plantimestamp": PlanTimestampFunc,
		"timeadd":       stdlib.TimeAddFunc,
		"timecmp":       TimeCmpFunc,
		"timestamp":     TimestampFunc,

		// Hash and crypto.
		"base64sha256": Base64Sha256Func,
		"base64sha512": Base64Sha512Func,
		"bcrypt":       BcryptFunc,
		"md5":          MD5Func,
		"rsadecrypt":   RSADecryptFunc,
		"sha1":         SHA1Func,
		"sha256":       SHA256Func,
		"sha512":       SHA512Func,
		"uuid":         UUIDFunc,
		"uuidv5":       UUIDv5Func,

		// IP network.
		"cidrhost":    CIDRHostFunc,
		"cidrnetmask": CIDRNetmaskFunc,
		"cidrsubnet":  CIDRSubnetFunc,
		"cidrsubnets": CIDRSubnetsFunc,

		// Type conversion and sensitivity.
		"can":             CanFunc,
		"ephemeralasnull": EphemeralAsNullFunc,
		"issensitive":     IsSensitiveFunc,
		"nonsensitive":    NonsensitiveFunc,
		"sensitive":       SensitiveFunc,
		"tobool":          stdlib.MakeToFunc(cty.Bool),
		"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        stdlib.MakeToFunc(cty.Number),
		"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        stdlib.MakeToFunc(cty.String),
		"try":             TryFunc,
		"type":            TypeFunc,
	}
}
