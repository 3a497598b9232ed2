// Package iamdoc renders the json of an aws_iam_policy_document data source
// from its arguments, as the AWS provider (v5 and later) renders it: a pure
// function of the arguments, so a policy written with the data source (the
// most common way) can be judged before apply. Where some arguments are
// known only after apply, the parts of the document they decide stay
// unknown and the rest is still known: an Allow statement for everyone is
// public whatever its Resource turns out to be.
//
// Arguments come as the model holds them (values and their unknown tree), so
// the plan and HCL loaders render with the same code.
package iamdoc

import (
	"hash/crc32"
	"strconv"

	"github.com/fiscguard/fiscguard/engine/model"
)

// Type is the data source this package renders.
const Type = "aws_iam_policy_document"

// The attributes the data source computes.
const (
	AttrJSON         = "json"
	AttrMinifiedJSON = "minified_json"
	AttrID           = "id"
)

// JSONPrefix and MinifiedPrefix begin every json and minified_json the data
// source renders (Version is always written), so a loader can promise them
// of a string that is known only after apply.
const (
	JSONPrefix     = "{\n  \"Version\": \""
	MinifiedPrefix = "{\"Version\":\""
)

// Result is a rendered document.
type Result struct {
	// Document is the document as far as it is known.
	Document model.PolicyDocument
	// Complete is true when the whole document is known; JSON, MinifiedJSON
	// and ID are then the data source's json, minified_json and id.
	Complete               bool
	JSON, MinifiedJSON, ID string
}

// Sources resolves the element i of source_policy_documents or
// override_policy_documents (arg) that is known only after apply to the
// document it is known to be, or nil when nothing is known of it.
type Sources func(arg string, i int) *model.PolicyDocument

// Render renders a data source's document from its arguments. An error is
// what the provider would reject when reading the data source (a duplicate
// Sid, a source document that is not a policy); the data source's json is
// then unknown.
func Render(values, unknown map[string]any, sources Sources) (*Result, error) {
	d, err := fromArguments(values, unknown, sources)
	if err != nil {
		return nil, err
	}
	res := &Result{Document: d.model()}
	if d.known() {
		pretty, minified, err := d.json()
		if err != nil {
			return nil, err
		}
		res.Complete, res.JSON, res.MinifiedJSON = true, pretty, minified
		res.ID = hashcode(pretty)
	}
	return res, nil
}

// hashcode is the provider SDK's string hash (CRC-32, in decimal): the
// data source's id is the hash of its json, and a set's elements are
// ordered by their hashes.
func hashcode(s string) string {
	return strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(s))), 10)
}
