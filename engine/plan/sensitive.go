package plan

import (
	"encoding/json"

	"github.com/fiscguard/fiscguard/engine/model"
)

// redact replaces every value that the sensitivity tree (after_sensitive:
// true, or an object/array of the same shape as the value) marks, in place.
func redact(values map[string]any, sensitive any) map[string]any {
	if values == nil {
		return nil
	}
	if s, ok := sensitive.(bool); ok && s {
		for k := range values {
			values[k] = model.Redacted
		}
		return values
	}
	tree, ok := sensitive.(map[string]any)
	if !ok {
		return values
	}
	for k, s := range tree {
		if v, ok := values[k]; ok {
			values[k] = redactValue(v, s)
		}
	}
	return values
}

func redactValue(v any, sensitive any) any {
	switch s := sensitive.(type) {
	case bool:
		if s && v != nil {
			return model.Redacted
		}
	case map[string]any:
		if m, ok := v.(map[string]any); ok {
			return redact(m, s)
		}
	case []any:
		if l, ok := v.([]any); ok {
			for i := range l {
				if i < len(s) {
					l[i] = redactValue(l[i], s[i])
				}
			}
		}
	}
	return v
}

// sensitiveTree decodes a state resource's sensitive_values.
func sensitiveTree(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	var t any
	if json.Unmarshal(raw, &t) != nil {
		return nil
	}
	return t
}
