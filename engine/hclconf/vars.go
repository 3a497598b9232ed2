package hclconf

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
)

// rawValue is a variable value before conversion, with where it came from.
type rawValue struct {
	value  cty.Value
	source string // file:line, --var NAME or TF_VAR_NAME, for messages
	// origin is where a tfvars file assigns the value; nil for the command
	// line, the environment and a plan's values.
	origin *model.Location
	// text is a value from the command line or environment, read by type.
	text       string
	fromString bool
}

// rootVariables sets the root module's variables, in Terraform's order of
// precedence: defaults, TF_VAR_ environment variables, terraform.tfvars,
// terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then
// --var-file files and --var values.
func (ev *evaluator) rootVariables(root *moduleInstance) error {
	raw := map[string]rawValue{}
	for _, kv := range ev.opts.Env {
		name, val, ok := strings.Cut(kv, "=")
		if n, isVar := strings.CutPrefix(name, "TF_VAR_"); ok && isVar && n != "" {
			raw[n] = rawValue{text: val, fromString: true, source: "environment variable " + name}
		}
	}
	var files []string
	for _, f := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if p := filepath.Join(ev.scanDir, f); fileExists(p) {
			files = append(files, p)
		}
	}
	auto, _ := filepath.Glob(filepath.Join(ev.scanDir, "*.auto.tfvars"))
	autoJSON, _ := filepath.Glob(filepath.Join(ev.scanDir, "*.auto.tfvars.json"))
	auto = append(auto, autoJSON...)
	sort.Strings(auto)
	files = append(files, auto...)
	files = append(files, ev.opts.VarFiles...)
	for _, f := range files {
		if err := ev.readVarFile(f, root.mod, raw); err != nil {
			return err
		}
	}
	for _, a := range ev.opts.Vars {
		name, val, ok := strings.Cut(a, "=")
		if !ok || name == "" {
			return &model.InputError{File: "--var", Msg: fmt.Sprintf("%q is not NAME=VALUE", a)}
		}
		if _, declared := root.mod.variables[name]; !declared {
			return &model.InputError{File: "--var", Msg: fmt.Sprintf("variable %q is not declared in %s", name, ev.rel(root.mod.dir))}
		}
		raw[name] = rawValue{text: val, fromString: true, source: "--var " + name}
	}
	for name, value := range ev.opts.Values {
		if _, declared := root.mod.variables[name]; !declared {
			continue
		}
		val, err := goValue(value)
		if err != nil {
			return &model.InputError{File: "variable " + name, Msg: err.Error()}
		}
		raw[name] = rawValue{value: val, source: "variable " + name}
	}
	for _, name := range slices.Sorted(maps.Keys(root.mod.variables)) {
		v := root.mod.variables[name]
		r, given := raw[name]
		var val cty.Value
		switch {
		case given && r.fromString:
			parsed, err := parseVarString(r.text, v.typ)
			if err != nil {
				return &model.InputError{File: r.source, Msg: fmt.Sprintf("variable %q: %v", name, err)}
			}
			val = parsed
		case given:
			val = r.value
			root.varOrigins[name] = r.origin
		case v.def != nil:
			val = *v.def
			root.varOrigins[name] = ev.location(v.defRng)
		default:
			ev.notef("%s: variable %q has no value (set it with --var, --var-file or a tfvars file); treated as known only after apply",
				"%s: 変数 %q に値がない（--var、--var-file または `.tfvars` ファイルで指定する）。適用後まで確定しない値として扱う", ev.where(v.rng), name)
			val = cty.UnknownVal(v.typ)
		}
		var convErr error
		root.vars[name] = ev.convertVariable(v, val, func(err error) { convErr = err })
		if convErr != nil {
			src := r.source
			if !given {
				src = ev.where(v.rng)
			}
			return &model.InputError{File: src, Msg: fmt.Sprintf("variable %q: %v", name, convErr)}
		}
	}
	return nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// readVarFile reads a .tfvars (HCL) or .tfvars.json file.
func (ev *evaluator) readVarFile(path string, root *module, raw map[string]rawValue) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return &model.InputError{File: path, Msg: err.Error()}
	}
	if _, err := os.Stat(abs); err != nil {
		return &model.InputError{File: path, Msg: inputfile.Describe(err)}
	}
	f, err := ev.ps.parseFile(abs)
	if err != nil {
		return err
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return ev.ps.diagError(diags)
	}
	for name, a := range attrs {
		val, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			return ev.ps.diagError(diags)
		}
		v, declared := root.variables[name]
		if !declared {
			ev.notef("%s: a value for undeclared variable %q was ignored", "%s: 宣言されていない変数 %q の値は無視した", ev.where(a.NameRange), name)
			continue
		}
		if v.sensitive {
			ev.markSensitive(a.Range)
		}
		raw[name] = rawValue{value: val, source: ev.where(a.NameRange), origin: ev.location(a.Range)}
	}
	return nil
}

// parseVarString reads a value given as a string on the command line or in
// the environment: taken literally for primitive types, as an HCL
// expression for collections and objects, as Terraform does.
func parseVarString(s string, typ cty.Type) (cty.Value, error) {
	if typ.IsPrimitiveType() || typ == cty.DynamicPseudoType {
		return cty.StringVal(s), nil
	}
	expr, diags := hclsyntax.ParseExpression([]byte(s), "value", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("%s", diags[0].Summary)
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("%s", diags[0].Summary)
	}
	return v, nil
}

// convertVariable applies a variable's type defaults, converts the value to
// its declared type and marks a sensitive variable's value. A value that
// does not convert is reported through fail and becomes unknown.
func (ev *evaluator) convertVariable(v *variable, val cty.Value, fail func(error)) cty.Value {
	// As Terraform does, defaults apply to every known part of the value:
	// an object with an attribute known only after apply still gets its
	// optional attributes' defaults.
	if v.defaults != nil && !val.IsNull() {
		val = v.defaults.Apply(val)
	}
	out, err := convert.Convert(val, v.typ)
	if err != nil {
		fail(err)
		out = cty.UnknownVal(v.typ)
	}
	if v.sensitive {
		out = out.Mark(sensitiveMark)
	}
	return out
}

// goValue converts a JSON-like Go value into a cty value of the type JSON implies.
func goValue(v any) (cty.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return cty.NilVal, err
	}
	ty, err := ctyjson.ImpliedType(b)
	if err != nil {
		return cty.NilVal, err
	}
	return ctyjson.Unmarshal(b, ty)
}
