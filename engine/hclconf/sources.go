package hclconf

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/model"
)

// markSensitive records that rng holds a sensitive value, so a quote of its
// lines shows it redacted.
func (ev *evaluator) markSensitive(rng hcl.Range) {
	ev.secrets = append(ev.secrets, rng)
}

// holdsSecret reports whether an argument's value must not be quoted:
// marked sensitive anywhere inside, or under a secret name and not a flag
// or number (as the model redacts it, at any depth).
func holdsSecret(name string, v cty.Value) bool {
	if v.HasMarkDeep(sensitiveMark) {
		return true
	}
	ty := v.Type()
	return model.SecretName(name) && ty != cty.Bool && ty != cty.Number
}

// sources returns every file parsed (configuration and variable files), by
// the path locations name them, with the places that hold sensitive values
// marked: arguments and module inputs with sensitive values, and the
// defaults and variable-file values of sensitive variables.
func (ev *evaluator) sources() map[string]*model.Source {
	files := ev.ps.p.Files()
	out := make(map[string]*model.Source, len(files))
	for name, f := range files {
		out[ev.rel(name)] = model.NewSource(f.Bytes)
	}
	marks := ev.secrets
	for _, m := range ev.modules {
		for _, v := range m.variables {
			if v.sensitive && v.defRange.Filename != "" {
				marks = append(marks, v.defRange)
			}
		}
	}
	for _, rng := range marks {
		if s := out[ev.rel(rng.Filename)]; s != nil {
			s.MarkSensitive(*ev.location(rng))
		}
	}
	return out
}
