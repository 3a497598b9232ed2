package tffunc

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func str(s string) cty.Value { return cty.StringVal(s) }

func strList(ss ...string) cty.Value {
	if len(ss) == 0 {
		return cty.ListValEmpty(cty.String)
	}
	vs := make([]cty.Value, len(ss))
	for i, s := range ss {
		vs[i] = cty.StringVal(s)
	}
	return cty.ListVal(vs)
}

func sensitive(v cty.Value) cty.Value { return v.Mark(Sensitive) }

var unknownStr = cty.UnknownVal(cty.String)

func TestCIDRFunctions(t *testing.T) {
	runCases(t, Table("testdata", "testdata"), []exprCase{
		// cidrsubnet
		{expr: `cidrsubnet("10.0.0.0/16", 8, 2)`, want: str("10.0.2.0/24")},
		{expr: `cidrsubnet("172.16.0.0/12", 4, 2)`, want: str("172.18.0.0/16")},
		{expr: `cidrsubnet("10.1.2.0/24", 4, 15)`, want: str("10.1.2.240/28")},
		{expr: `cidrsubnet("10.1.2.3/24", 0, 0)`, want: str("10.1.2.0/24")}, // host bits dropped
		{expr: `cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`, want: str("fd00:fd12:3456:7800:a200::/72")},
		{expr: `cidrsubnet("2001:db8::/32", 96, 1)`, want: str("2001:db8::1/128")},
		{expr: `cidrsubnet("10.0.0.0/16", 17, 0)`, err: "insufficient address space to extend prefix of 16 by 17"},
		{expr: `cidrsubnet("10.0.0.0/16", 8, 256)`, err: "prefix extension of 8 does not accommodate a subnet numbered 256"},
		{expr: `cidrsubnet("10.0.0.0/16", 8, -1)`, err: "does not accommodate a subnet numbered -1"},
		{expr: `cidrsubnet("10.0.0.0/16", 8, 1.5)`, err: "whole number"},
		{expr: `cidrsubnet("10.0.0.0", 8, 1)`, err: "invalid CIDR expression"},
		{expr: `cidrsubnet(unk_str, 8, 1)`, want: unknownStr},
		{expr: `cidrsubnet("10.0.0.0/16", unk_num, 1)`, want: unknownStr},
		// cidrhost
		{expr: `cidrhost("10.12.112.0/20", 16)`, want: str("10.12.112.16")},
		{expr: `cidrhost("10.12.112.0/20", 268)`, want: str("10.12.113.12")},
		{expr: `cidrhost("10.0.0.0/24", -1)`, want: str("10.0.0.255")},
		{expr: `cidrhost("10.0.0.0/24", -256)`, want: str("10.0.0.0")},
		{expr: `cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)`, want: str("fd00:fd12:3456:7890::22")},
		{expr: `cidrhost("10.0.0.0/24", 256)`, err: "prefix of 24 does not accommodate a host numbered 256"},
		{expr: `cidrhost("10.0.0.0/24", -257)`, err: "prefix of 24 does not accommodate a host numbered -257"},
		{expr: `cidrhost("10.0.0.0/33", 1)`, err: "invalid CIDR expression"},
		// cidrnetmask
		{expr: `cidrnetmask("172.16.0.0/12")`, want: str("255.240.0.0")},
		{expr: `cidrnetmask("0.0.0.0/0")`, want: str("0.0.0.0")},
		{expr: `cidrnetmask("10.0.0.1/32")`, want: str("255.255.255.255")},
		{expr: `cidrnetmask("fd00::/8")`, err: "IPv6 addresses cannot have a netmask"},
		// cidrsubnets
		{expr: `cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`, want: strList("10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20")},
		{expr: `cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)`, want: strList(
			"fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88")},
		{expr: `cidrsubnets("10.0.0.0/24", 2, 1)`, want: strList("10.0.0.0/26", "10.0.0.128/25")},
		{expr: `cidrsubnets(unk_str, 2, 2, 2)`, want: cty.ListVal([]cty.Value{unknownStr, unknownStr, unknownStr})},
		{expr: `length(cidrsubnets(unk_str, 4, 4))`, want: cty.NumberIntVal(2)},
		{expr: `cidrsubnets(unk_str)`, want: cty.ListValEmpty(cty.String)},
		{expr: `cidrsubnets(unk_str, unk_num)`, want: cty.UnknownVal(cty.List(cty.String))},
		{expr: `cidrsubnets("10.0.0.0/16")`, want: strList()},
		{expr: `cidrsubnets("10.0.0.0/30", 1, 1, 1)`, err: "not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31"},
		{expr: `cidrsubnets("10.0.0.0/30", 3)`, err: "would extend prefix to 33 bits, which is too long for an IPv4 address"},
		{expr: `cidrsubnets("10.0.0.0/16", 0)`, err: "must extend prefix by at least one bit"},
		{expr: `cidrsubnets("10.0.0.0/16", 4, unk_num)`, want: cty.UnknownVal(cty.List(cty.String))},
	})
}

func TestHashAndEncodingFunctions(t *testing.T) {
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `md5("hello world")`, want: str("5eb63bbbe01eeed093cb22bb8f5acdc3")},
		{expr: `sha1("hello world")`, want: str("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")},
		{expr: `sha256("hello world")`, want: str("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")},
		{expr: `sha512("hello world")`, want: str("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f")},
		{expr: `base64sha256("hello world")`, want: str("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")},
		{expr: `base64sha512("hello world")`, want: str("MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==")},
		{expr: `sha256(unk_str)`, want: unknownStr},
		{expr: `md5(secret)`, want: sensitive(str("a4d80eac9ab26a4a2da04125bc2c096a"))},

		{expr: `base64encode("Hello World")`, want: str("SGVsbG8gV29ybGQ=")},
		{expr: `base64decode("SGVsbG8gV29ybGQ=")`, want: str("Hello World")},
		{expr: `base64decode(base64encode("日本語"))`, want: str("日本語")},
		{expr: `base64decode("not base64!")`, err: "failed to decode base64 data"},
		{expr: `base64decode("SGVsbG8")`, err: "failed to decode base64 data"}, // padding is required
		{expr: `base64decode("/w==")`, err: "not valid UTF-8"},
		{expr: `base64encode(secret)`, want: sensitive(str("czNjcjN0"))},
		{expr: `base64decode(unk_str)`, want: unknownStr},

		{expr: `urlencode("Hello World!")`, want: str("Hello+World%21")},
		{expr: `urlencode("foo:bar@localhost?foo=bar&bar=baz")`, want: str("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")},
		{expr: `urlencode("日")`, want: str("%E6%97%A5")},

		{expr: `textencodebase64("Hello World", "UTF-16LE")`, want: str("SABlAGwAbABvACAAVwBvAHIAbABkAA==")},
		{expr: `textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")`, want: str("Hello World")},
		{expr: `textencodebase64("hi", "UTF-8")`, want: str("aGk=")},
		{expr: `textencodebase64("hi", "csUTF8")`, want: str("aGk=")}, // aliases work
		{expr: `textencodebase64("日本", "Shift_JIS")`, want: str("k/qWew==")},
		{expr: `textdecodebase64("k/qWew==", "Shift_JIS")`, want: str("日本")},
		{expr: `textencodebase64("x", "NOT-AN-ENCODING")`, err: "not a supported IANA encoding name or alias"},
		{expr: `textencodebase64("日本", "ISO-8859-1")`, err: "cannot be represented in ISO-8859-1"},
		{expr: `textdecodebase64("a#==", "UTF-8")`, err: "invalid base64 symbol at offset 1"},
		{expr: `textdecodebase64("/w==", "UTF-8")`, err: "not defined for UTF-8"},
		{expr: `textencodebase64(secret, "UTF-8")`, want: sensitive(str("czNjcjN0"))},

		{expr: `base64gzip(unk_str)`, want: unknownStr},
		{expr: `base64gzip(secret) != ""`, want: sensitive(cty.True)},

		{expr: `uuidv5("dns", "www.terraform.io")`, want: str("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
		{expr: `uuidv5("url", "https://www.terraform.io/")`, want: str("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")},
		{expr: `uuidv5("oid", "1.2.3")`, want: str("42d5e23b-3a02-5135-85c6-52d1102f1f00")},
		{expr: `uuidv5("x500", "cn=x")`, want: str("a951fb6d-5aab-5a72-8e2e-9aa8df8d1f8f")},
		{expr: `uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io")`, want: str("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
		{expr: `uuidv5("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "www.terraform.io")`, want: str("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
		{expr: `uuidv5("6ba7b8109dad11d180b400c04fd430c8", "www.terraform.io")`, want: str("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
		{expr: `uuidv5("bogus", "x")`, err: "doesn't support namespace bogus"},
		{expr: `uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430cz", "x")`, err: "doesn't support namespace"},
		{expr: `uuidv5("dns", unk_str)`, want: unknownStr},
	})
}

// TestNondeterministicFunctionsAreUnknown: a scan must give the same answer
// every time, so functions of time or randomness are unknown, not computed.
func TestNondeterministicFunctionsAreUnknown(t *testing.T) {
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `timestamp()`, want: unknownStr},
		{expr: `plantimestamp()`, want: unknownStr},
		{expr: `uuid()`, want: unknownStr},
		{expr: `bcrypt("pw")`, want: unknownStr},
		{expr: `bcrypt("pw", 12)`, want: unknownStr},
		{expr: `bcrypt(secret)`, want: sensitive(unknownStr)},
		{expr: `bcrypt("pw", 3)`, err: "bcrypt cost must be between 4 and 31"},
		{expr: `bcrypt("pw", 12, 1)`, err: "no more than two arguments"},
		{expr: `type(1)`, want: unknownStr},
		{expr: `uuid() == uuid()`, want: cty.UnknownVal(cty.Bool)},
		{expr: `timeadd(timestamp(), "1h")`, want: unknownStr},
		{expr: `length(uuid())`, want: cty.UnknownVal(cty.Number)},
	})
	// Refinements: these are known not to be null, and bcrypt's prefix.
	funcs := Table("testdata", "testdata")
	for _, src := range []string{`timestamp()`, `uuid()`, `bcrypt("x")`, `plantimestamp()`} {
		v, diags := eval(funcs, src)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if !v.Range().DefinitelyNotNull() {
			t.Errorf("%s: result may be null", src)
		}
	}
	v, _ := eval(funcs, `startswith(bcrypt("x"), "$2a$")`)
	if !v.RawEquals(cty.True) {
		t.Errorf(`startswith(bcrypt("x"), "$2a$") = %#v, want true from the refinement`, v)
	}
}

func TestCollectionFunctions(t *testing.T) {
	runCases(t, Table("testdata", "testdata"), []exprCase{
		// length accepts strings and objects as well as collections.
		{expr: `length("héllo")`, want: cty.NumberIntVal(5)},
		{expr: `length("👩‍👩‍👧")`, want: cty.NumberIntVal(1)}, // one grapheme cluster
		{expr: `length([1, "a"])`, want: cty.NumberIntVal(2)},
		{expr: `length({a = 1, b = 2})`, want: cty.NumberIntVal(2)},
		{expr: `length(tomap({a = "x"}))`, want: cty.NumberIntVal(1)},
		{expr: `length(toset(["a", "a", "b"]))`, want: cty.NumberIntVal(2)},
		{expr: `length(unk_list)`, want: cty.UnknownVal(cty.Number)},
		{expr: `length([unk_str, unk_str])`, want: cty.NumberIntVal(2)},
		{expr: `length(secret)`, want: sensitive(cty.NumberIntVal(6))},
		{expr: `length(mixed)`, want: cty.NumberIntVal(2)},
		{expr: `length(1)`, err: "argument must be a string, a collection type, or a structural type"},
		{expr: `length(null)`, err: "must not be null"},

		{expr: `index(["a", "b", "c"], "b")`, want: cty.NumberIntVal(1)},
		{expr: `index(["one", "two", "two"], "two")`, want: cty.NumberIntVal(1)},
		{expr: `index(["a", unk_str], "a")`, want: cty.NumberIntVal(0)},
		{expr: `index([unk_str, "a"], "a")`, want: cty.UnknownVal(cty.Number)},
		{expr: `index(["a"], "z")`, err: "item not found"},
		{expr: `index({a = 1}, 1)`, err: "argument must be a list or tuple"},

		{expr: `lookup({a = "x", b = "y"}, "a")`, want: str("x")},
		{expr: `lookup({a = "x"}, "b", "dflt")`, want: str("dflt")},
		{expr: `lookup({a = "x"}, "b", null)`, want: cty.NullVal(cty.DynamicPseudoType)},
		{expr: `lookup(tomap({a = "x"}), "b", null)`, want: cty.NullVal(cty.String)},
		{expr: `lookup(tomap({a = "x"}), "b", 1)`, want: str("1")},
		{expr: `lookup({a = "x"}, "a", null)`, want: str("x")},
		{expr: `[for r in [{ cidr = "0.0.0.0/0" }, { name = "x" }] : lookup(r, "cidr", null)]`, want: cty.TupleVal([]cty.Value{str("0.0.0.0/0"), cty.NullVal(cty.DynamicPseudoType)})},
		{expr: `lookup(tomap({a = "x"}), "a", "dflt")`, want: str("x")},
		{expr: `lookup(tomap({a = "x"}), "b")`, err: `lookup failed to find key "b"`},
		{expr: `lookup({a = "x"}, "b")`, err: `the given object has no attribute "b"`},
		{expr: `lookup(mixed, "pass")`, want: sensitive(str("pw"))},
		{expr: `lookup(unk_map, "a", "d")`, want: unknownStr},
		{expr: `lookup({a = 1}, "a", 2, 3)`, err: "two or three arguments"},

		{expr: `coalesce("a", "b")`, want: str("a")},
		{expr: `coalesce("", "b")`, want: str("b")},
		{expr: `coalesce(null, "", "c")`, want: str("c")},
		{expr: `coalesce(1, 2)`, want: cty.NumberIntVal(1)},
		{expr: `coalesce(1, "hello")`, want: str("1")},
		{expr: `coalesce(["", "b"]...)`, want: str("b")},
		{expr: `coalesce(unk_str, "b")`, want: unknownStr},
		{expr: `coalesce("a", unk_str)`, want: str("a")},
		{expr: `coalesce(secret, "b")`, want: sensitive(str("s3cr3t"))},
		{expr: `coalesce("", "")`, err: "no non-null, non-empty-string arguments"},
		{expr: `coalesce({}, "hello")`, err: "all arguments must have the same type"},

		{expr: `one([])`, want: cty.NullVal(cty.DynamicPseudoType)},
		{expr: `one(["a"])`, want: str("a")},
		{expr: `one(toset(["a", "a"]))`, want: str("a")},
		{expr: `one(tolist([]))`, want: cty.NullVal(cty.DynamicPseudoType)},
		{expr: `one(["a", "b"])`, err: "must be a list, set, or tuple value with either zero or one elements"},
		{expr: `one(unk_list)`, want: unknownStr},

		{expr: `sum([1, 2, 3.5])`, want: cty.NumberFloatVal(6.5)},
		{expr: `sum(toset([10, 20]))`, want: cty.NumberIntVal(30)},
		{expr: `sum([unk_num, 1])`, want: cty.UnknownVal(cty.Number)},
		{expr: `sum([secret_num, 1])`, want: sensitive(cty.NumberIntVal(9))},
		{expr: `sum([])`, err: "cannot sum an empty list"},
		{expr: `sum(["a"])`, err: "argument must be list, set, or tuple of number values"},
		{expr: `sum(1)`, err: "argument must be list, set, or tuple"},

		{expr: `alltrue([true, true])`, want: cty.True},
		{expr: `alltrue([])`, want: cty.True},
		{expr: `alltrue([true, false])`, want: cty.False},
		{expr: `alltrue(["true", true])`, want: cty.True},
		{expr: `alltrue([unk_bool, true])`, want: cty.UnknownVal(cty.Bool)},
		{expr: `alltrue([unk_bool, false])`, want: cty.False},
		{expr: `anytrue([])`, want: cty.False},
		{expr: `anytrue([false, true])`, want: cty.True},
		{expr: `anytrue([unk_bool, false])`, want: cty.UnknownVal(cty.Bool)},
		{expr: `anytrue([unk_bool, true])`, want: cty.True},
		{expr: `anytrue([null, true])`, want: cty.True},

		{expr: `matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"])`, want: strList("i-abc", "i-def")},
		{expr: `matchkeys(["a", "b"], [1, 2], [3])`, want: strList()},
		{expr: `matchkeys(["a", "b"], ["1", "2"], [2])`, want: strList("b")},
		{expr: `matchkeys(["a"], ["x", "y"], ["x"])`, err: "length of keys and values should be equal"},
		{expr: `matchkeys(["a", "b"], ["x", unk_str], ["x"])`, want: cty.UnknownVal(cty.List(cty.String))},

		{expr: `transpose({a = ["1", "2"], b = ["2", "3"]})`, want: cty.MapVal(map[string]cty.Value{
			"1": strList("a"), "2": strList("a", "b"), "3": strList("b"),
		})},
		{expr: `transpose({})`, want: cty.MapValEmpty(cty.List(cty.String))},
		{expr: `transpose({a = [unk_str]})`, want: cty.UnknownVal(cty.Map(cty.List(cty.String)))},

		// A few stdlib functions whose Terraform semantics are worth pinning.
		{expr: `element(["a", "b", "c"], 3)`, want: str("a")},
		{expr: `element(["a", "b", "c"], -1)`, want: str("c")},
		{expr: `reverse([1, 2, 3])`, want: cty.TupleVal([]cty.Value{cty.NumberIntVal(3), cty.NumberIntVal(2), cty.NumberIntVal(1)})},
		{expr: `strrev("abc")`, want: str("cba")},
		{expr: `flatten([["a"], [], ["b", ["c"]]])`, want: cty.TupleVal([]cty.Value{str("a"), str("b"), str("c")})},
		{expr: `compact(["a", "", null, "b"])`, want: strList("a", "b")},
		{expr: `tolist(toset(["b", "a"]))`, want: strList("a", "b")},
		{expr: `setproduct(["a"], ["x", "y"])`, want: cty.ListVal([]cty.Value{
			cty.TupleVal([]cty.Value{str("a"), str("x")}), cty.TupleVal([]cty.Value{str("a"), str("y")}),
		})},
		{expr: `keys({b = 1, a = 2})`, want: cty.TupleVal([]cty.Value{str("a"), str("b")})},
		{expr: `zipmap(["a", "b"], [1, 2])`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.NumberIntVal(2)})},
		{expr: `chunklist(["a", "b", "c"], 2)`, want: cty.ListVal([]cty.Value{strList("a", "b"), strList("c")})},
		{expr: `range(3)`, want: cty.ListVal([]cty.Value{cty.NumberIntVal(0), cty.NumberIntVal(1), cty.NumberIntVal(2)})},
		{expr: `distinct(["a", "b", "a"])`, want: strList("a", "b")},
		{expr: `slice(tolist(["a", "b", "c"]), 1, 3)`, want: strList("b", "c")},
		{expr: `sort(["b", "a"])`, want: strList("a", "b")},
		{expr: `contains(["a"], "a")`, want: cty.True},
		{expr: `coalescelist([], ["c"])`, want: cty.TupleVal([]cty.Value{str("c")})},
		{expr: `concat(tolist(["a"]), tolist(["b"]))`, want: strList("a", "b")},
		{expr: `values({a = 1})`, want: cty.TupleVal([]cty.Value{cty.NumberIntVal(1)})},
		{expr: `setunion(["a"], ["b"])`, want: cty.SetVal([]cty.Value{str("a"), str("b")})},
		{expr: `setintersection(["a", "b"], ["b"])`, want: cty.SetVal([]cty.Value{str("b")})},
		{expr: `setsubtract(["a", "b"], ["b"])`, want: cty.SetVal([]cty.Value{str("a")})},
	})
}

func TestStringAndMiscFunctions(t *testing.T) {
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `startswith("hello world", "hello")`, want: cty.True},
		{expr: `startswith("hello world", "world")`, want: cty.False},
		{expr: `endswith("hello world", "world")`, want: cty.True},
		{expr: `strcontains("hello world", "o w")`, want: cty.True},
		{expr: `strcontains("hello world", "xyz")`, want: cty.False},
		{expr: `startswith(unk_str, "x")`, want: cty.UnknownVal(cty.Bool)},
		{expr: `startswith(secret, "s3")`, want: sensitive(cty.True)},

		{expr: `replace("1 + 2 + 3", "+", "-")`, want: str("1 - 2 - 3")},
		{expr: `replace("hello world", "/w.*d/", "everybody")`, want: str("hello everybody")},
		{expr: `replace("a1b22", "/([0-9]+)/", "<$1>")`, want: str("a<1>b<22>")},
		{expr: `replace("a/b", "/", "-")`, want: str("a-b")}, // a lone slash is literal
		{expr: `replace("x", "/(/", "y")`, err: "error parsing regexp"},
		{expr: `replace(secret, "3", "e")`, want: sensitive(str("secret"))},

		{expr: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00+01:00")`, want: cty.NumberIntVal(0)},
		{expr: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:01Z")`, want: cty.NumberIntVal(-1)},
		{expr: `timecmp("2018-01-01T00:00:00Z", "2017-11-22T00:00:00Z")`, want: cty.NumberIntVal(1)},
		{expr: `timecmp("yesterday", "2017-11-22T00:00:00Z")`, err: "not a valid RFC3339 timestamp"},
		{expr: `timeadd("2017-11-22T00:00:00Z", "10m")`, want: str("2017-11-22T00:10:00Z")},
		{expr: `formatdate("YYYY-MM-DD", "2018-01-02T23:12:01Z")`, want: str("2018-01-02")},

		{expr: `sensitive("x")`, want: sensitive(str("x"))},
		{expr: `sensitive(unk_str)`, want: sensitive(unknownStr)},
		{expr: `nonsensitive(sensitive("x"))`, want: str("x")},
		{expr: `nonsensitive("x")`, want: str("x")},
		{expr: `nonsensitive(sha256(secret))`, want: str("4e738ca5563c06cfd0018299933d58db1dd8bf97f6973dc99bf6cdc64b5550bd")},
		{expr: `issensitive(sensitive(1))`, want: cty.True},
		{expr: `issensitive(secret)`, want: cty.True},
		{expr: `issensitive("hello")`, want: cty.False},
		{expr: `issensitive(unk_str)`, want: cty.UnknownVal(cty.Bool)},
		{expr: `ephemeralasnull("x")`, want: str("x")},
		{expr: `ephemeralasnull(secret)`, want: sensitive(str("s3cr3t"))},

		{expr: `tostring(1)`, want: str("1")},
		{expr: `tonumber("5")`, want: cty.NumberIntVal(5)},
		{expr: `tobool("true")`, want: cty.True},
		{expr: `tomap({a = "b"})`, want: cty.MapVal(map[string]cty.Value{"a": str("b")})},
		{expr: `tonumber("x")`, err: "cannot convert"},
		{expr: `try(tonumber("x"), 5)`, want: cty.NumberIntVal(5)},
		{expr: `can(tonumber("x"))`, want: cty.False},

		{expr: `yamlencode({a = 1})`, want: str("\"a\": 1\n")},
		{expr: `yamldecode("a: [1, b]")`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.TupleVal([]cty.Value{cty.NumberIntVal(1), str("b")})})},
		{expr: `yamldecode(":")`, err: "yaml"},
		{expr: `jsondecode("{\"a\": [true]}")`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.TupleVal([]cty.Value{cty.True})})},
		{expr: `jsonencode(unk_str)`, want: unknownStr},
		{expr: `jsonencode({k = secret})`, want: sensitive(str(`{"k":"s3cr3t"}`))},
		{expr: `csvdecode("a,b\n1,2\n")`, want: cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"a": str("1"), "b": str("2")})})},
		{expr: `format("%s-%03d", "web", 7)`, want: str("web-007")},
		{expr: `formatlist("%s.example.com", ["a", "b"])`, want: strList("a.example.com", "b.example.com")},
		{expr: `join(",", ["a", "b"])`, want: str("a,b")},
		{expr: `split(",", "a,b")`, want: strList("a", "b")},
		{expr: `regex("^(\\d+)-", "12-x")`, want: cty.TupleVal([]cty.Value{str("12")})},
		{expr: `regexall("\\d", "a1b2")`, want: cty.ListVal([]cty.Value{str("1"), str("2")})},
		{expr: `title("hello world")`, want: str("Hello World")},
		{expr: `trim("?!hello?!", "!?")`, want: str("hello")},
		{expr: `trimprefix("helloworld", "hello")`, want: str("world")},
		{expr: `trimsuffix("helloworld", "world")`, want: str("hello")},
		{expr: `trimspace("  x\n")`, want: str("x")},
		{expr: `chomp("x\n")`, want: str("x")},
		{expr: `indent(2, "a\nb")`, want: str("a\n  b")},
		{expr: `substr("hello", 1, 3)`, want: str("ell")},
		{expr: `upper("a")`, want: str("A")},
		{expr: `parseint("ff", 16)`, want: cty.NumberIntVal(255)},
		{expr: `abs(-1)`, want: cty.NumberIntVal(1)},
		{expr: `ceil(1.2)`, want: cty.NumberIntVal(2)},
		{expr: `floor(1.8)`, want: cty.NumberIntVal(1)},
		{expr: `log(16, 2)`, want: cty.NumberIntVal(4)},
		{expr: `pow(3, 2)`, want: cty.NumberIntVal(9)},
		{expr: `signum(-5)`, want: cty.NumberIntVal(-1)},
		{expr: `max(1, 5, 3)`, want: cty.NumberIntVal(5)},
		{expr: `min([4, 2]...)`, want: cty.NumberIntVal(2)},
	})
}

// TestSliceOfAListKnownLater: a list known only after apply (here, as a data
// source's result that Terraform reads while planning) sliced by known
// bounds has that many elements, each unknown, so what iterates over it or
// counts it is known; anything else is as go-cty's slice has it.
func TestSliceOfAListKnownLater(t *testing.T) {
	three := cty.ListVal([]cty.Value{unknownStr, unknownStr, unknownStr})
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `slice(unk_list, 0, 3)`, want: three},
		{expr: `slice(unk_list, 1, 1)`, want: cty.ListValEmpty(cty.String)},
		{expr: `length(slice(unk_list, 0, 3))`, want: cty.NumberIntVal(3)},
		{expr: `[for k, v in slice(unk_list, 0, 2) : cidrsubnet("10.0.0.0/16", 8, k)]`, want: cty.TupleVal([]cty.Value{str("10.0.0.0/24"), str("10.0.1.0/24")})},
		{expr: `slice(unk_any, 2, 4)`, want: cty.TupleVal([]cty.Value{cty.DynamicVal, cty.DynamicVal})},
		{expr: `slice(unk_list, 0, unk_num)`, want: cty.UnknownVal(cty.List(cty.String))},
		{expr: `slice(unk_list, 2, 1)`, err: "start index must not be greater than end index"},
		{expr: `slice(["a", "b", "c"], 1, 3)`, want: cty.TupleVal([]cty.Value{str("b"), str("c")})},
		{expr: `slice(tolist(["a", "b", "c"]), 0, 1)`, want: strList("a")},
		{expr: `slice(["a"], 0, 2)`, err: "end index"},
		{expr: `slice(sensitive(unk_list), 0, 1)`, want: sensitive(cty.ListVal([]cty.Value{unknownStr}))},
	})
}

// TestTryKeepsWhatIsKnown: try returns the first alternative that succeeds
// with what of it is known, where HCL's would give a wholly unknown value
// as soon as any part is unknown; can says true for it. What is wholly
// unknown stays unknown, and an error moves on to the next alternative.
func TestTryKeepsWhatIsKnown(t *testing.T) {
	grants := cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"type": str("CanonicalUser"), "id": unknownStr})})
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `try(jsondecode(grants), grants)`, want: grants},
		{expr: `length(try(jsondecode(grants), grants))`, want: cty.NumberIntVal(1)},
		{expr: `try(grants[0].type, "none")`, want: str("CanonicalUser")},
		{expr: `try(grants[1].type, "none")`, want: str("none")},
		{expr: `try(unk_any.x, "none")`, want: cty.DynamicVal},
		{expr: `try(tonumber("x"), 2)`, want: cty.NumberIntVal(2)},
		{expr: `try(tonumber("x"))`, err: "every alternative failed"},
		{expr: `can(grants)`, want: cty.True},
		{expr: `can(grants[3])`, want: cty.False},
		{expr: `can(unk_any.x)`, want: cty.UnknownVal(cty.Bool)},
	})
}

// TestCompactKeepsWhatCannotBeEmpty: compact drops null and empty strings;
// an element known only after apply stays when its refinements say it is
// neither (with its marks), and makes the list unknown otherwise.
func TestCompactKeepsWhatCannotBeEmpty(t *testing.T) {
	doc := testVars["doc_later"]
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `compact(["a", "", null, "b"])`, want: strList("a", "b")},
		{expr: `compact(["", doc_later, "c"])`, want: cty.ListVal([]cty.Value{doc, str("c")})},
		{expr: `length(compact(["", doc_later, "c"]))`, want: cty.NumberIntVal(2)},
		{expr: `compact([doc_later, unk_str])`, want: cty.UnknownVal(cty.List(cty.String))},
		{expr: `compact([""])`, want: cty.ListValEmpty(cty.String)},
		{expr: `compact([sensitive("s"), ""])[0]`, want: sensitive(str("s"))},
		{expr: `compact([sensitive(unk_str)])`, want: sensitive(cty.UnknownVal(cty.List(cty.String)))},
	})
}
