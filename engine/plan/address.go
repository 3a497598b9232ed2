package plan

import "strings"

// moduleStep is one step of a module instance address: module.NAME[KEY].
type moduleStep struct {
	Name string
	Key  string // instance key in brackets, e.g. `[0]` or `["a"]`; "" when none
}

// parseModuleAddress splits module.a["x.y"].module.b[0] into its steps,
// respecting quoted keys that contain dots or brackets.
func parseModuleAddress(s string) []moduleStep {
	var steps []moduleStep
	for s != "" {
		s = strings.TrimPrefix(s, ".")
		if !strings.HasPrefix(s, "module.") {
			return steps
		}
		s = s[len("module."):]
		end := strings.IndexAny(s, ".[")
		if end < 0 {
			end = len(s)
		}
		step := moduleStep{Name: s[:end]}
		s = s[end:]
		if strings.HasPrefix(s, "[") {
			n := bracketLen(s)
			step.Key, s = s[:n], s[n:]
		}
		steps = append(steps, step)
	}
	return steps
}

// bracketLen returns the length of the leading [ ... ] group, skipping
// brackets inside a quoted key.
func bracketLen(s string) int {
	inQuote, escaped := false, false
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case escaped:
			escaped = false
		case c == '\\' && inQuote:
			escaped = true
		case c == '"':
			inQuote = !inQuote
		case c == ']' && !inQuote:
			return i + 1
		}
	}
	return len(s)
}

// configPath returns the module call names of a module address: a, b for
// module.a["x"].module.b[0].
func configPath(steps []moduleStep) []string {
	out := make([]string, len(steps))
	for i, st := range steps {
		out[i] = st.Name
	}
	return out
}

// moduleConfigAddress renders a module config path as module.a.module.b.
func moduleConfigAddress(path []string) string {
	if len(path) == 0 {
		return ""
	}
	return "module." + strings.Join(path, ".module.")
}

// join prefixes a local address with a module address.
func join(module, local string) string {
	if module == "" {
		return local
	}
	return module + "." + local
}

// ref is a configuration reference, as Terraform lists them in
// configuration expressions ("aws_s3_bucket.b.id", "module.m.out", "var.x").
type ref struct {
	Kind   string // "resource", "module", "each", or "" for anything that names no resource
	Local  string // resource: [data.]TYPE.NAME; module: the call name
	Key    string // resource or module instance key in brackets, when given
	Output string // module: the output name, when given
}

func parseRef(s string) ref {
	head, rest := splitStep(s)
	switch head {
	case "var", "local", "count", "path", "terraform", "self":
		return ref{}
	case "each":
		return ref{Kind: "each"}
	case "module":
		name, rest := splitStep(rest)
		r := ref{Kind: "module", Local: name}
		if strings.HasPrefix(rest, "[") {
			n := bracketLen(rest)
			r.Key, rest = rest[:n], rest[n:]
		}
		r.Output, _ = splitStep(strings.TrimPrefix(rest, "."))
		return r
	case "data":
		typ, rest := splitStep(rest)
		name, rest := splitStep(rest)
		if typ == "" || name == "" {
			return ref{}
		}
		return resourceRef("data."+typ+"."+name, rest)
	}
	name, rest := splitStep(rest)
	if head == "" || name == "" {
		return ref{}
	}
	return resourceRef(head+"."+name, rest)
}

func resourceRef(local, rest string) ref {
	r := ref{Kind: "resource", Local: local}
	if strings.HasPrefix(rest, "[") {
		r.Key = rest[:bracketLen(rest)]
	}
	return r
}

// splitStep returns the leading name of s and what follows it (starting at
// the next "." or "[", with a leading "." removed).
func splitStep(s string) (string, string) {
	end := strings.IndexAny(s, ".[")
	if end < 0 {
		return s, ""
	}
	if s[end] == '.' {
		return s[:end], s[end+1:]
	}
	return s[:end], s[end:]
}
