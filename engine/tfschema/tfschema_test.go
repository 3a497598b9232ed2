package tfschema

import (
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/model"
)

func TestLookups(t *testing.T) {
	kms := Resource("aws_kms_key")
	if kms == nil || !kms.Attributes["enable_key_rotation"].AttributeType.Equals(cty.Bool) || !kms.Attributes["arn"].Computed {
		t.Fatalf("aws_kms_key: %+v", kms)
	}
	if db := Resource("aws_db_instance"); db == nil || !db.Attributes["password"].Sensitive || db.Attributes["username"].Sensitive {
		t.Error("aws_db_instance: password must be sensitive, username not")
	}
	if Resource("aws_vpc_security_group_ingress_rule") != nil || Resource("aws_iam_policy_document") != nil {
		t.Error("a type newer than the schema, or a data source, found among resources")
	}
	if d := DataSource("aws_iam_policy_document"); d == nil || d.NestedBlocks["statement"] == nil {
		t.Error("data source aws_iam_policy_document is missing")
	}
}

func TestTypes(t *testing.T) {
	inner := &tfjson.SchemaBlock{Attributes: map[string]*tfjson.SchemaAttribute{"n": {AttributeType: cty.Number}}}
	dyn := &tfjson.SchemaBlock{Attributes: map[string]*tfjson.SchemaAttribute{"v": {AttributeType: cty.DynamicPseudoType}}}
	obj := cty.Object(map[string]cty.Type{"n": cty.Number})
	for _, tt := range []struct {
		mode  tfjson.SchemaNestingMode
		block *tfjson.SchemaBlock
		want  cty.Type
	}{
		{tfjson.SchemaNestingModeSingle, inner, obj},
		{tfjson.SchemaNestingModeGroup, inner, obj},
		{tfjson.SchemaNestingModeList, inner, cty.List(obj)},
		{tfjson.SchemaNestingModeSet, inner, cty.Set(obj)},
		{tfjson.SchemaNestingModeList, dyn, cty.DynamicPseudoType},
	} {
		if got := BlocksType(&tfjson.SchemaBlockType{NestingMode: tt.mode, Block: tt.block}); !got.Equals(tt.want) {
			t.Errorf("%s: %#v, want %#v", tt.mode, got, tt.want)
		}
	}
	outer := &tfjson.SchemaBlock{
		Attributes:   map[string]*tfjson.SchemaAttribute{"s": {AttributeType: cty.Set(cty.String)}},
		NestedBlocks: map[string]*tfjson.SchemaBlockType{"b": {NestingMode: tfjson.SchemaNestingModeList, Block: inner}},
	}
	if got, want := ObjectType(outer), cty.Object(map[string]cty.Type{"s": cty.Set(cty.String), "b": cty.List(obj)}); !got.Equals(want) {
		t.Errorf("ObjectType = %#v, want %#v", got, want)
	}
}

// TestSensitiveAttributesHaveSecretNames: quoted source lines are redacted
// where an argument is written, before values take the schema's types, and
// by name (model.SecretName). An attribute the table marks sensitive under
// another name would need its position marked from the schema too.
func TestSensitiveAttributesHaveSecretNames(t *testing.T) {
	var walk func(typ, path string, b *tfjson.SchemaBlock)
	walk = func(typ, path string, b *tfjson.SchemaBlock) {
		for name, a := range b.Attributes {
			if a.Sensitive && !model.SecretName(name) {
				t.Errorf("%s: %s%s is sensitive but its name is not a secret name", typ, path, name)
			}
		}
		for name, nb := range b.NestedBlocks {
			walk(typ, path+name+".", nb.Block)
		}
	}
	for typ, s := range table().ResourceSchemas {
		walk(typ, "", s.Block)
	}
	for typ, s := range table().DataSourceSchemas {
		walk("data."+typ, "", s.Block)
	}
}
