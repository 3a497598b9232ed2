// Package policies embeds fiscguard's built-in Rego library, the FISC
// catalog and the parameter defaults into the binary.
package policies

import "embed"

// FS holds aws/, lib/, catalog/ and params.yaml, tests included (fiscguard test runs them).
//
//go:embed aws lib catalog params.yaml
var FS embed.FS
