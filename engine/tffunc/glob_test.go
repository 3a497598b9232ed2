package tffunc

import "testing"

func TestCompileGlob(t *testing.T) {
	cases := []struct {
		pattern string
		match   []string
		noMatch []string
	}{
		{"*.tf", []string{"main.tf", ".hidden.tf", ".tf"}, []string{"a/main.tf", "main.tfvars"}},
		{"**/*.tf", []string{"main.tf", "a/main.tf", "a/b/c.tf"}, []string{"a/main.txt"}},
		{"a/**", []string{"a/x", "a/b/c"}, []string{"b/x", "ab/x"}},
		{"a/**/z", []string{"a/z", "a/b/z", "a/b/c/z"}, []string{"a/bz", "az"}},
		{"**", []string{"x", "a/b/c"}, nil},
		{"a**b", []string{"ab", "axxb"}, []string{"a/b"}}, // ** inside a segment is *
		{"?.txt", []string{"a.txt"}, []string{"ab.txt", "/.txt"}},
		{"[abc].txt", []string{"a.txt", "c.txt"}, []string{"d.txt"}},
		{"[a-c].txt", []string{"b.txt"}, []string{"d.txt"}},
		{"[!a-c].txt", []string{"d.txt"}, []string{"a.txt", "/.txt"}},
		{"[^a].txt", []string{"b.txt"}, []string{"a.txt"}},
		{"[]].txt", []string{"].txt"}, []string{"a.txt"}},
		{"[a-].txt", []string{"a.txt", "-.txt"}, []string{"b.txt"}},
		{"[.+].txt", []string{"..txt", "+.txt"}, []string{"a.txt"}},
		{"*.{tf,tfvars}", []string{"a.tf", "a.tfvars"}, []string{"a.json"}},
		{"{a,b/**}/x", []string{"a/x", "b/c/x", "b/c/d/x"}, []string{"c/x"}},
		{"{**/,}x.tf", []string{"x.tf", "a/x.tf"}, []string{"ax.tf"}},
		{"{a,{b,c}}.txt", []string{"a.txt", "c.txt"}, []string{"d.txt"}},
		{`\*.txt`, []string{"*.txt"}, []string{"a.txt"}},
		{"a.b(c)+$", []string{"a.b(c)+$"}, []string{"aXb(c)+$"}},
		{"日本/*.txt", []string{"日本/x.txt"}, []string{"日/x.txt"}},
		{"[日本].txt", []string{"日.txt", "本.txt"}, []string{"x.txt"}},
	}
	for _, c := range cases {
		re, err := compileGlob(c.pattern)
		if err != nil {
			t.Errorf("%q: %v", c.pattern, err)
			continue
		}
		for _, m := range c.match {
			if !re.MatchString(m) {
				t.Errorf("%q should match %q (regexp %s)", c.pattern, m, re)
			}
		}
		for _, m := range c.noMatch {
			if re.MatchString(m) {
				t.Errorf("%q should not match %q (regexp %s)", c.pattern, m, re)
			}
		}
	}
	for _, bad := range []string{"[", "[abc", "{a,b", `a\`} {
		if _, err := compileGlob(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestLiteralPrefix(t *testing.T) {
	for pattern, want := range map[string]string{
		"modules/*/main.tf": "modules",
		"*.tf":              "",
		"a/b/c.txt":         "a/b/c.txt",
		"../x/**":           "../x",
		"a/{b,c}/d":         "a",
		`a/\*`:              "a",
	} {
		if got := literalPrefix(pattern); got != want {
			t.Errorf("literalPrefix(%q) = %q, want %q", pattern, got, want)
		}
	}
}
