package iamdoc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	if s == "" {
		return nil
	}
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return m
}

// canonical re-encodes JSON so that documents compare whatever their
// spacing and member order.
func canonical(t *testing.T, v any) string {
	t.Helper()
	if s, ok := v.(string); ok {
		v = decode(t, s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestRenderKnown: the json of documents whose arguments are all known, for
// the rules the provider fixture does not reach.
func TestRenderKnown(t *testing.T) {
	tests := []struct {
		name, values, want string
	}{
		{"no arguments", `{}`, `{"Version":"2012-10-17"}`},
		{"plan defaults: null effect, sid and version", `{"version":null,"statement":[{"sid":null,"effect":null,"actions":["s3:GetObject"],"not_actions":null,"condition":[],"principals":[],"resources":["*"]}]}`,
			`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`},
		{"a lone principal of type * that names more than *", `{"statement":[{"actions":["s3:GetObject"],"principals":[{"type":"*","identifiers":["*","x"]}]}]}`,
			`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Principal":{"*":["x","*"]}}]}`},
		{"identical principal blocks count once", `{"statement":[{"principals":[{"type":"AWS","identifiers":["a"]},{"type":"AWS","identifiers":["a"]}]}]}`,
			`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"a"}}]}`},
		{"empty condition values", `{"statement":[{"condition":[{"test":"Null","variable":"aws:TokenIssueTime","values":[]}]}]}`,
			`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Condition":{"Null":{"aws:TokenIssueTime":[]}}}]}`},
		{"an empty or null source document is skipped", `{"source_policy_documents":["",null],"override_policy_documents":[""]}`, `{"Version":"2012-10-17"}`},
		{"an override without Sid is appended, its Id adopted", `{"policy_id":"own","statement":[{"sid":"A","actions":["a"]}],"override_policy_documents":["{\"Id\":\"new\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"b\"}]}"]}`,
			`{"Version":"2012-10-17","Id":"new","Statement":[{"Sid":"A","Effect":"Allow","Action":"a"},{"Effect":"Deny","Action":"b"}]}`},
		{"a source document's principal string is everyone", `{"source_policy_documents":["{\"Statement\":[{\"Principal\":\"anyone\",\"NotPrincipal\":{\"*\":\"*\"}}]}"]}`,
			`{"Version":"2012-10-17","Statement":[{"Principal":"*","NotPrincipal":"*"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Render(decode(t, tt.values), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Complete {
				t.Fatalf("not complete: %+v", res.Document)
			}
			if got := res.MinifiedJSON; got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if !strings.HasPrefix(res.JSON, JSONPrefix) || !strings.HasPrefix(res.MinifiedJSON, MinifiedPrefix) {
				t.Errorf("json does not begin with the promised prefix: %q", res.JSON)
			}
			if res.ID != hashcode(res.JSON) {
				t.Errorf("id %s", res.ID)
			}
		})
	}
}

// TestRenderPartial: documents whose arguments are known in part keep the
// known parts and mark the rest unknown, with null in the value.
func TestRenderPartial(t *testing.T) {
	publicRead := `{"statement":[{"sid":"Public","effect":"Allow","actions":["s3:GetObject"],"resources":[null,null],"principals":[{"type":"*","identifiers":["*"]}]}]}`
	tests := []struct {
		name, values, unknown string
		sources               map[string]string // "arg index" → document value JSON (its unknown: {"Statement":[{"Resource":true}]})
		value, unknownTree    string
	}{
		{
			name: "unknown resources: the rest is known", values: publicRead, unknown: `{"statement":[{"resources":[true,true]}]}`,
			value:       `{"Version":"2012-10-17","Statement":[{"Sid":"Public","Effect":"Allow","Action":"s3:GetObject","Resource":null,"Principal":"*"}]}`,
			unknownTree: `{"Statement":[{"Resource":true}]}`,
		},
		{
			name: "a set known in part keeps its known elements", values: `{"statement":[{"actions":["s3:PutObject",null,"s3:GetObject"],"resources":["arn:aws:s3:::b/&{aws:username}",null]}]}`,
			unknown: `{"statement":[{"actions":[false,true,false],"resources":[false,true]}]}`,
			value:   `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject",null],"Resource":["arn:aws:s3:::b/${aws:username}",null]}]}`, unknownTree: `{"Statement":[{"Action":[false,false,true],"Resource":[false,true]}]}`,
		},
		{
			name: "unknown identifiers of a known type", values: `{"statement":[{"principals":[{"type":"AWS","identifiers":["*",null]},{"type":"Service","identifiers":[null]}]}]}`,
			unknown: `{"statement":[{"principals":[{"identifiers":[false,true]},{"identifiers":[true]}]}]}`,
			value:   `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["*",null],"Service":null}}]}`, unknownTree: `{"Statement":[{"Principal":{"AWS":[false,true],"Service":true}}]}`,
		},
		{
			name: "an unknown principal type makes the principal unknown", values: `{"statement":[{"principals":[{"type":null,"identifiers":["*"]}]}]}`,
			unknown: `{"statement":[{"principals":[{"type":true}]}]}`,
			value:   `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":null}]}`, unknownTree: `{"Statement":[{"Principal":true}]}`,
		},
		{
			name: "a lone * principal with unknown identifiers is unknown", values: `{"statement":[{"principals":[{"type":"*","identifiers":null}]}]}`,
			unknown: `{"statement":[{"principals":[{"identifiers":true}]}]}`,
			value:   `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":null}]}`, unknownTree: `{"Statement":[{"Principal":true}]}`,
		},
		{
			name: "unknown condition values keep the condition's keys", values: `{"statement":[{"condition":[{"test":"StringEquals","variable":"aws:SourceAccount","values":[null]},{"test":"Bool","variable":"aws:SecureTransport","values":["false"]},{"test":"StringLike","variable":"aws:SourceArn","values":null}]}]}`,
			unknown:     `{"statement":[{"condition":[{"values":[true]},{},{"values":true}]}]}`,
			value:       `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Condition":{"Bool":{"aws:SecureTransport":"false"},"StringEquals":{"aws:SourceAccount":null},"StringLike":{"aws:SourceArn":null}}}]}`,
			unknownTree: `{"Statement":[{"Condition":{"StringEquals":{"aws:SourceAccount":true},"StringLike":{"aws:SourceArn":true}}}]}`,
		},
		{
			name: "an unknown condition variable makes the condition unknown", values: `{"statement":[{"condition":[{"test":"Bool","variable":null,"values":["false"]}]}]}`,
			unknown: `{"statement":[{"condition":[{"variable":true}]}]}`,
			value:   `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Condition":null}]}`, unknownTree: `{"Statement":[{"Condition":true}]}`,
		},
		{
			name: "an unknown effect", values: `{"statement":[{"effect":null,"actions":["*"]}]}`, unknown: `{"statement":[{"effect":true}]}`,
			value: `{"Version":"2012-10-17","Statement":[{"Effect":null,"Action":"*"}]}`, unknownTree: `{"Statement":[{"Effect":true}]}`,
		},
		{
			name: "a dynamic block over an unknown collection: unknown statements", values: `{"statement":[{"sid":"Known","actions":["a"]},null]}`, unknown: `{"statement":[false,true]}`,
			value: `{"Version":"2012-10-17","Statement":[{"Sid":"Known","Effect":"Allow","Action":"a"},null]}`, unknownTree: `{"Statement":[false,true]}`,
		},
		{
			name: "unknown statements and an override with a Sid: which statements there are is unknown", values: `{"statement":[null],"override_policy_documents":["{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Deny\"}]}"]}`, unknown: `{"statement":[true]}`,
			value: `{"Version":"2012-10-17","Statement":null}`, unknownTree: `{"Statement":true}`,
		},
		{
			name: "an unknown Sid before a source's Sid", values: `{"source_policy_documents":["{\"Statement\":[{\"Sid\":\"A\"}]}"],"statement":[{"sid":null}]}`, unknown: `{"statement":[{"sid":true}]}`,
			value: `{"Version":"2012-10-17","Statement":null}`, unknownTree: `{"Statement":true}`,
		},
		{
			name: "an unknown Sid with nothing to replace is appended", values: `{"statement":[{"sid":null,"actions":["a"]}]}`, unknown: `{"statement":[{"sid":true}]}`,
			value: `{"Version":"2012-10-17","Statement":[{"Sid":null,"Effect":"Allow","Action":"a"}]}`, unknownTree: `{"Statement":[{"Sid":true}]}`,
		},
		{
			name: "an unknown source document: nothing is known but the own version", values: `{"source_policy_documents":[null],"statement":[{"actions":["a"]}]}`, unknown: `{"source_policy_documents":[true]}`,
			value: `{"Version":null,"Id":null,"Statement":null}`, unknownTree: `{"Version":true,"Id":true,"Statement":true}`,
		},
		{
			name: "a source document known in part", values: `{"source_policy_documents":[null],"statement":[{"sid":"Own","actions":["a"]}]}`, unknown: `{"source_policy_documents":[true]}`,
			sources:     map[string]string{"source_policy_documents 0": `{"Version":"2012-10-17","Statement":[{"Sid":"Src","Effect":"Deny","Action":"s3:*","Resource":null,"Principal":"*"}]}`},
			value:       `{"Version":"2012-10-17","Statement":[{"Sid":"Src","Effect":"Deny","Action":"s3:*","Resource":null,"Principal":"*"},{"Sid":"Own","Effect":"Allow","Action":"a"}]}`,
			unknownTree: `{"Statement":[{"Resource":true},false]}`,
		},
		{
			name: "an override replaces the statement known in part", values: `{"source_policy_documents":[null],"override_policy_documents":["{\"Statement\":[{\"Sid\":\"Src\",\"Effect\":\"Allow\",\"Action\":\"a\"}]}"]}`, unknown: `{"source_policy_documents":[true]}`,
			sources: map[string]string{"source_policy_documents 0": `{"Version":"2012-10-17","Statement":[{"Sid":"Src","Effect":"Deny","Action":"s3:*","Resource":null,"Principal":"*"}]}`},
			value:   `{"Version":"2012-10-17","Statement":[{"Sid":"Src","Effect":"Allow","Action":"a"}]}`,
		},
		{
			name: "policy variables under an unknown version", values: `{"version":null,"statement":[{"resources":["arn:aws:s3:::b/&{aws:username}","arn:aws:s3:::b"]}]}`, unknown: `{"version":true}`,
			value: `{"Version":null,"Statement":[{"Effect":"Allow","Resource":["arn:aws:s3:::b",null]}]}`, unknownTree: `{"Version":true,"Statement":[{"Resource":[false,true]}]}`,
		},
		{
			name: "unknown statement blocks", values: `{"statement":null}`, unknown: `{"statement":true}`,
			value: `{"Version":"2012-10-17","Statement":null}`, unknownTree: `{"Statement":true}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sources := func(arg string, i int) *model.PolicyDocument {
				v, ok := tt.sources[arg+" "+string(rune('0'+i))]
				if !ok {
					return nil
				}
				return &model.PolicyDocument{Value: decode(t, v), Unknown: decode(t, `{"Statement":[{"Resource":true}]}`)}
			}
			res, err := Render(decode(t, tt.values), decode(t, tt.unknown), sources)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := canonical(t, res.Document.Value), canonical(t, tt.value); got != want {
				t.Errorf("value\n got %s\nwant %s", got, want)
			}
			if tt.unknownTree == "" {
				if !res.Complete || res.Document.Unknown != nil {
					t.Errorf("want a complete document, unknown %v", res.Document.Unknown)
				}
				return
			}
			if res.Complete || res.JSON != "" {
				t.Errorf("a document known in part is not complete")
			}
			if got, want := canonical(t, res.Document.Unknown), canonical(t, tt.unknownTree); got != want {
				t.Errorf("unknown\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestRenderErrors: what the provider refuses to read leaves the json
// unknown, with the reason.
func TestRenderErrors(t *testing.T) {
	tests := []struct{ name, values, want string }{
		{"duplicate Sid", `{"statement":[{"sid":"A"},{"sid":"A"}]}`, `statement[1]: duplicate Sid "A"`},
		{"duplicate Sid across sources", `{"source_policy_documents":["{\"Statement\":[{\"Sid\":\"A\"}]}","{\"Statement\":[{\"Sid\":\"A\"}]}"]}`, `source_policy_documents[1]: duplicate Sid "A"`},
		{"a source that is not JSON", `{"source_policy_documents":["{"]}`, "source_policy_documents[0]: not a policy document"},
		{"a single statement object", `{"override_policy_documents":["{\"Statement\":{\"Effect\":\"Allow\"}}"]}`, "override_policy_documents[0]: not a policy document"},
		{"a null principal", `{"source_policy_documents":["{\"Statement\":[{\"Principal\":null}]}"]}`, "statement 0: Principal"},
		{"numbers as condition values in a list", `{"source_policy_documents":["{\"Statement\":[{\"Condition\":{\"NumericLessThan\":{\"n\":[1]}}}]}"]}`, "must be strings"},
		{"policy variables in a 2008-10-17 document", `{"version":"2008-10-17","statement":[{"resources":["a/&{aws:username}"]}]}`, "not supported in document version 2008-10-17"},
		{"source_json", `{"source_json":"{}"}`, "source_json is no longer supported"},
		{"a list where a string belongs", `{"statement":[{"actions":[["a"]]}]}`, "statement[0]: actions: expected a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Render(decode(t, tt.values), nil, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}
