package tffunc

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"net/url"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
)

// Base64EncodeFunc is base64encode(str): standard, padded base64 of the
// string's UTF-8 bytes.
var Base64EncodeFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "str", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(b64([]byte(args[0].AsString()))), nil
	},
})

// Base64DecodeFunc is base64decode(str). Terraform strings are Unicode, so
// decoded bytes that are not UTF-8 are an error (textdecodebase64 handles
// other encodings).
var Base64DecodeFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "str", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		// The input may be secret, so errors do not quote it.
		raw, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "failed to decode base64 data: %s", err)
		}
		if !utf8.Valid(raw) {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "the result of decoding the provided string is not valid UTF-8")
		}
		return cty.StringVal(string(raw)), nil
	},
})

// Base64GzipFunc is base64gzip(str): gzip the UTF-8 bytes, then base64. Go's
// gzip writer puts no timestamp in the header, so the result is stable.
var Base64GzipFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "str", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		if _, err := w.Write([]byte(args[0].AsString())); err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("failed to write gzip raw data: %w", err)
		}
		if err := w.Close(); err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("failed to close gzip writer: %w", err)
		}
		return cty.StringVal(b64(buf.Bytes())), nil
	},
})

// URLEncodeFunc is urlencode(str): query-string escaping, spaces as "+".
var URLEncodeFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "str", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(url.QueryEscape(args[0].AsString())), nil
	},
})

// ianaEncoding looks a character encoding up by any of its IANA names or
// aliases ("UTF-16LE", "ISO-8859-1", "Shift_JIS", "windows-1252", …).
func ianaEncoding(name string, argIdx int) (encoding.Encoding, error) {
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return nil, function.NewArgErrorf(argIdx, "%q is not a supported IANA encoding name or alias", name)
	}
	return enc, nil
}

// TextEncodeBase64Func is textencodebase64(string, encoding_name): the string
// encoded in the named character set, then base64.
var TextEncodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "string", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		name := args[1].AsString()
		enc, err := ianaEncoding(name, 1)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		out, err := enc.NewEncoder().Bytes([]byte(args[0].AsString()))
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "the given string contains characters that cannot be represented in %s", name)
		}
		return cty.StringVal(b64(out)), nil
	},
})

// TextDecodeBase64Func is textdecodebase64(source, encoding_name): base64
// decode, then read the bytes as the named character set.
var TextDecodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "source", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		name := args[1].AsString()
		enc, err := ianaEncoding(name, 1)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		raw, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			if ce, ok := err.(base64.CorruptInputError); ok {
				return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "the given value has an invalid base64 symbol at offset %d", int(ce))
			}
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "invalid source string: %s", err)
		}
		// x/text decoders replace undefined bytes with U+FFFD instead of
		// failing, so a lossless decode is one that encodes back to the input.
		out, err := enc.NewDecoder().Bytes(raw)
		if err == nil {
			var back []byte
			back, err = enc.NewEncoder().Bytes(out)
			if err == nil && !bytes.Equal(back, raw) {
				err = fmt.Errorf("lossy decode")
			}
		}
		if err != nil || !utf8.Valid(out) {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "the given string contains symbols that are not defined for %s", name)
		}
		return cty.StringVal(string(out)), nil
	},
})
