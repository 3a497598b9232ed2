// Command gentable writes engine/tfschema/aws.json from the AWS provider's
// schema (terraform providers schema -json): the attribute types, computed
// and sensitive flags and nested blocks of every resource type the policy
// library names, in a rule's METADATA resource_types or as a string in a
// policy or helper (the types its joins read), and of the data sources in
// dataSources. Types the library names that the schema lacks are newer than
// the schema; they are listed on stderr.
//
//	go run ./engine/tfschema/gentable [SCHEMA [OUT]]    (make tfschema)
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/fiscguard/fiscguard/engine/tfschema"
	"github.com/fiscguard/fiscguard/policies"
)

const (
	defaultSchema = "../shared/corpus/schema/terraform-providers-schema_aws-4.13.0.json"
	defaultOut    = "engine/tfschema/aws.json"
)

// dataSources are the data sources whose results configurations pass into
// what policies judge: most IAM and bucket policies are an
// aws_iam_policy_document's json.
var dataSources = []string{"aws_iam_policy_document"}

func main() {
	schema, out := defaultSchema, defaultOut
	if len(os.Args) > 1 {
		schema = os.Args[1]
	}
	if len(os.Args) > 2 {
		out = os.Args[2]
	}
	data, err := os.ReadFile(schema)
	if err != nil {
		fail(err)
	}
	table, missing, err := generate(data, policies.FS)
	if err != nil {
		fail(err)
	}
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "gentable: not in the schema (newer types): %s\n", strings.Join(missing, ", "))
	}
	if err := os.WriteFile(out, table, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gentable:", err)
	os.Exit(1)
}

// generate returns the table for the policy library in lib, and the types
// the library names in METADATA that the schema does not hold.
func generate(schemaJSON []byte, lib fs.FS) ([]byte, []string, error) {
	var all tfjson.ProviderSchemas
	if err := all.UnmarshalJSON(schemaJSON); err != nil {
		return nil, nil, err
	}
	p := all.Schemas[tfschema.Provider]
	if p == nil {
		return nil, nil, fmt.Errorf("the schema holds no provider %s", tfschema.Provider)
	}
	declared, named, err := libraryTypes(lib)
	if err != nil {
		return nil, nil, err
	}
	maps.Copy(named, declared)
	var missing []string
	resources := map[string]*tfjson.Schema{}
	for _, t := range slices.Sorted(maps.Keys(named)) {
		s, ok := p.ResourceSchemas[t]
		switch {
		case ok:
			if resources[t], err = trimSchema(s, t); err != nil {
				return nil, nil, err
			}
		case declared[t]:
			missing = append(missing, t)
		}
	}
	data := map[string]*tfjson.Schema{}
	for _, t := range dataSources {
		s, ok := p.DataSourceSchemas[t]
		if !ok {
			return nil, nil, fmt.Errorf("the schema holds no data source %s", t)
		}
		if data[t], err = trimSchema(s, "data."+t); err != nil {
			return nil, nil, err
		}
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\"format_version\":%q,\"provider_schemas\":{%q:{\n", all.FormatVersion, tfschema.Provider)
	if err := section(&buf, "resource_schemas", resources); err != nil {
		return nil, nil, err
	}
	buf.WriteString(",\n")
	if err := section(&buf, "data_source_schemas", data); err != nil {
		return nil, nil, err
	}
	buf.WriteString("}}}\n")
	return buf.Bytes(), missing, nil
}

// section writes "name":{...} with one schema per line, sorted by type.
func section(buf *bytes.Buffer, name string, schemas map[string]*tfjson.Schema) error {
	fmt.Fprintf(buf, "%q:{", name)
	for i, t := range slices.Sorted(maps.Keys(schemas)) {
		js, err := json.Marshal(schemas[t])
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(buf, "\n%q:%s", t, js)
	}
	buf.WriteString("\n}")
	return nil
}

// trimSchema keeps what conversion needs: attribute types and their computed
// and sensitive flags, and nested blocks by nesting mode.
func trimSchema(s *tfjson.Schema, where string) (*tfjson.Schema, error) {
	b, err := trimBlock(s.Block, where)
	return &tfjson.Schema{Version: s.Version, Block: b}, err
}

func trimBlock(b *tfjson.SchemaBlock, where string) (*tfjson.SchemaBlock, error) {
	out := &tfjson.SchemaBlock{}
	for name, a := range b.Attributes {
		if a.AttributeNestedType != nil {
			return nil, fmt.Errorf("%s.%s: nested attribute types are not supported", where, name)
		}
		if out.Attributes == nil {
			out.Attributes = map[string]*tfjson.SchemaAttribute{}
		}
		out.Attributes[name] = &tfjson.SchemaAttribute{AttributeType: a.AttributeType, Computed: a.Computed, Sensitive: a.Sensitive}
	}
	for name, nb := range b.NestedBlocks {
		switch nb.NestingMode {
		case tfjson.SchemaNestingModeSingle, tfjson.SchemaNestingModeGroup, tfjson.SchemaNestingModeList, tfjson.SchemaNestingModeSet:
		default:
			// Map-nested blocks are keyed by their labels, which evaluated
			// bodies do not keep.
			return nil, fmt.Errorf("%s.%s: nesting mode %q is not supported", where, name, nb.NestingMode)
		}
		inner, err := trimBlock(nb.Block, where+"."+name)
		if err != nil {
			return nil, err
		}
		if out.NestedBlocks == nil {
			out.NestedBlocks = map[string]*tfjson.SchemaBlockType{}
		}
		out.NestedBlocks[name] = &tfjson.SchemaBlockType{NestingMode: nb.NestingMode, Block: inner}
	}
	return out, nil
}

// libraryTypes returns the resource types the library's rules declare in
// METADATA, and every string constant of its policies and helpers (tests
// excluded): those naming a resource type are the types joins read.
func libraryTypes(lib fs.FS) (declared, named map[string]bool, err error) {
	declared, named = map[string]bool{}, map[string]bool{}
	err = fs.WalkDir(lib, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(lib, p)
		if err != nil {
			return err
		}
		mod, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		for _, a := range mod.Annotations {
			if a.Scope != "package" || a.Custom == nil {
				continue
			}
			types, _ := a.Custom["resource_types"].([]any)
			for _, t := range types {
				if s, ok := t.(string); ok && s != "*" {
					declared[s] = true
				}
			}
		}
		ast.WalkTerms(mod, func(t *ast.Term) bool {
			if s, ok := t.Value.(ast.String); ok {
				named[string(s)] = true
			}
			return false
		})
		return nil
	})
	return declared, named, err
}
