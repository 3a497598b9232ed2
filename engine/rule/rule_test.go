package rule

import (
	"strings"
	"testing"
)

func TestParams(t *testing.T) {
	specs, err := ParseParamSpecs("params.yaml", []byte(`
min_days:
  description: {en: Minimum days, ja: 最小日数}
  type: integer
  min: 0
  default: 90
  strict: 365
regions:
  description: {en: Regions, ja: リージョン}
  type: list(string)
  default: [a, b]
`))
	if err != nil {
		t.Fatal(err)
	}
	simple, err := specs.Resolve(Simple, nil)
	if err != nil || simple["min_days"] != uint64(90) {
		t.Errorf("simple = %v, %v", simple, err)
	}
	strict, _ := specs.Resolve(Strict, map[string]any{"regions": []any{"c"}})
	if strict["min_days"] != uint64(365) || len(strict["regions"].([]any)) != 1 {
		t.Errorf("strict = %v", strict)
	}
	if _, err := specs.Resolve(Simple, map[string]any{"min_dayz": 1}); err == nil || !strings.Contains(err.Error(), `unknown parameter "min_dayz"`) {
		t.Errorf("typo accepted: %v", err)
	}
	if _, err := ParseParamSpecs("p.yaml", []byte("x:\n  description: {en: x}\n")); err == nil {
		t.Error("a parameter without a default was accepted")
	}
	if _, err := ParseParamSpecs("p.yaml", []byte("x:\n  description: {en: x}\n  type: integer\n  min: 1\n  default: 0\n")); err == nil || !strings.Contains(err.Error(), "parameter x: default: 0 is less than 1") {
		t.Errorf("a default outside its range: %v", err)
	}
	if _, err := specs.Resolve(Simple, map[string]any{"min_days": -5}); err == nil || !strings.Contains(err.Error(), "parameter min_days: -5 is less than 0") {
		t.Errorf("an override outside its range: %v", err)
	}
}

// TestParamCheck: a value is checked against the parameter's type and
// range, and the check says where in the value the wrong part is.
func TestParamCheck(t *testing.T) {
	ports := ParamSpec{Type: "list(integer)", Min: ptr(0), Max: ptr(65535)}
	days := ParamSpec{Type: "integer", Min: ptr(0)}
	tags := ParamSpec{Type: "map(string)"}
	for _, tc := range []struct {
		spec    ParamSpec
		value   any
		at, err string
	}{
		{ports, []any{uint64(22), uint64(443)}, "", ""},
		{ports, 5, "", "5 is not a list (want list(integer))"},
		{ports, []any{uint64(22), "ssh"}, "[1]", `"ssh" is not a whole number`},
		{ports, []any{uint64(70000)}, "[0]", "70000 is more than 65535"},
		{days, uint64(365), "", ""},
		{days, 30.0, "", ""},
		{days, int64(-5), "", "-5 is less than 0"},
		{days, "four hundred", "", `"four hundred" is not a whole number`},
		{days, 1.5, "", "1.5 is not a whole number"},
		{days, nil, "", "null is not a whole number"},
		{tags, map[string]any{"tier": "public"}, "", ""},
		{tags, map[string]any{"tier": uint64(1)}, ".tier", "1 is not a string"},
		{tags, []any{"x"}, "", "a list is not a map"},
	} {
		at, err := tc.spec.Check(tc.value)
		if at != tc.at || (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s %v: %q %v, want %q %q", tc.spec.Type, tc.value, at, err, tc.at, tc.err)
		}
	}
}

func ptr(f float64) *float64 { return &f }

// TestParse: every parser accepts its names, round-trips them, and names
// the accepted values when it refuses one.
func TestParse(t *testing.T) {
	parsers := map[string]func(string) (string, error){
		"severity": func(s string) (string, error) { v, err := ParseSeverity(s); return v.String(), err },
		"profile":  func(s string) (string, error) { v, err := ParseProfile(s); return string(v), err },
		"edition":  func(s string) (string, error) { v, err := ParseEdition(s); return string(v), err },
	}
	tests := []struct{ kind, in, err string }{
		{"severity", "low", ""}, {"severity", "medium", ""}, {"severity", "high", ""}, {"severity", "critical", ""},
		{"severity", "High", `unknown severity "High" (want critical, high, medium or low)`},
		{"profile", "simple", ""}, {"profile", "strict", ""},
		{"profile", "lax", `unknown profile "lax" (want simple or strict)`},
		{"edition", "current", ""}, {"edition", "8th", ""},
		{"edition", "7th", `unknown edition "7th" (want current or 8th)`},
		{"edition", "", `unknown edition "" (want current or 8th)`},
	}
	for _, tt := range tests {
		got, err := parsers[tt.kind](tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.in):
			t.Errorf("%s %q: got %q, %v", tt.kind, tt.in, got, err)
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("%s %q: error %v, want %q", tt.kind, tt.in, err, tt.err)
		}
	}
}

func TestOrderAndInclusion(t *testing.T) {
	if !(Critical > High && High > Medium && Medium > Low) {
		t.Error("severities are not ordered")
	}
	if Simple.Includes(Strict) || !Strict.Includes(Simple) || !Strict.Includes(Strict) {
		t.Error("profile inclusion is wrong")
	}
}

func TestFISCIDsFollowTheEdition(t *testing.T) {
	r := &Rule{FISC: []string{"実3"}, FISC8th: []string{"運110"}}
	for e, want := range map[Edition]string{EditionCurrent: "実3", Edition8th: "運110"} {
		if got := strings.Join(r.FISCIDs(e), ","); got != want {
			t.Errorf("%s: %s, want %s", e, got, want)
		}
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"FG-S3-001", "FG-S3-001", true},
		{"FG-S3-*", "FG-S3-002", true},
		{"FG-S3-*", "FG-EC2-001", false},
		{`module.logs["*"].aws_s3_bucket.*`, `module.logs["a.b"].aws_s3_bucket.this[0]`, true},
		{`module.logs["*"].aws_s3_bucket.*`, `module.other["a"].aws_s3_bucket.this`, false},
		{"aws_s3_bucket.b?", "aws_s3_bucket.b1", true},
		{"aws_s3_bucket.b", "aws_s3_bucket.b[0]", false},
		{"*", "", true},
	}
	for _, tt := range tests {
		if got := Glob(tt.pattern, tt.s); got != tt.want {
			t.Errorf("Glob(%q, %q) = %v", tt.pattern, tt.s, got)
		}
	}
}

func TestMatches(t *testing.T) {
	r := &Rule{ID: "FG-S3-001", FISC: []string{"実3"}, FISC8th: []string{"運110"}}
	tests := []struct {
		pattern string
		want    bool
	}{
		{"FG-S3-001", true},
		{"FG-S3-*", true},
		{"FG-*-001", true},
		{"実3", true},
		{"運110", true},
		{"運1*", true},
		{"実30", false},
		{"FG-S3-002", false},
		{"fg-s3-001", false},
	}
	for _, tt := range tests {
		if got := r.Matches(tt.pattern); got != tt.want {
			t.Errorf("Matches(%q) = %v", tt.pattern, got)
		}
	}
}

func TestThresholds(t *testing.T) {
	tests := []struct {
		in        string
		severity  bool // ParseSeverity accepts it
		threshold bool // ParseThreshold accepts it
	}{
		{"critical", true, true},
		{"low", true, true},
		{"none", false, true},
		{"urgent", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if _, err := ParseSeverity(tt.in); (err == nil) != tt.severity {
			t.Errorf("ParseSeverity(%q): %v", tt.in, err)
		}
		sev, err := ParseThreshold(tt.in)
		if (err == nil) != tt.threshold || (err == nil && sev.String() != tt.in) {
			t.Errorf("ParseThreshold(%q) = %v, %v", tt.in, sev, err)
		}
	}
	if None <= Critical {
		t.Error("none must be above every severity")
	}
}
