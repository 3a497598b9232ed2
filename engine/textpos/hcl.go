package textpos

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// HCLTooDeep reports where HCL source nests deeper than limit, counting
// what HCL's parser and evaluator recurse on: brackets, quotes, heredocs
// and template sequences opened and not yet closed, and the operators and
// splats of one expression (- - - x, !!!x and a + b + … each nest one
// level per operator). Commas, and newlines that end an argument or an
// item, start a new expression. template reads src as a template
// (templatefile, templatestring) rather than as a configuration file.
//
// It reads HCL's own tokens, so text in strings, heredocs and comments
// is never counted; the scanner keeps no stack, so it cannot overflow.
func HCLTooDeep(src []byte, template bool, limit int) (line, col int, deep bool) {
	lex := hclsyntax.LexConfig
	if template {
		lex = hclsyntax.LexTemplate
	}
	tokens, _ := lex(src, "", hcl.InitialPos) // syntax errors are the parser's to report
	type frame struct {
		open hclsyntax.TokenType
		ops  int
	}
	stack := []frame{{}} // the file's own level
	depth := 0           // frames above the file's level plus every frame's operators
	for i, tok := range tokens {
		top := &stack[len(stack)-1]
		switch tok.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote,
			hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			stack = append(stack, frame{open: tok.Type})
			depth++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if len(stack) > 1 {
				depth -= 1 + top.ops
				stack = stack[:len(stack)-1]
			}
			if i >= 2 && tok.Type == hclsyntax.TokenCBrack && tokens[i-1].Type == hclsyntax.TokenStar && tokens[i-2].Type == hclsyntax.TokenOBrack {
				// [*] is a splat, a level of the expression around it.
				stack[len(stack)-1].ops++
				depth++
			}
		case hclsyntax.TokenComma:
			depth, top.ops = depth-top.ops, 0
		case hclsyntax.TokenNewline:
			if top.open == 0 || top.open == hclsyntax.TokenOBrace {
				depth, top.ops = depth-top.ops, 0
			}
		case hclsyntax.TokenMinus, hclsyntax.TokenBang, hclsyntax.TokenPlus, hclsyntax.TokenStar,
			hclsyntax.TokenSlash, hclsyntax.TokenPercent, hclsyntax.TokenAnd, hclsyntax.TokenOr,
			hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
			hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenQuestion:
			top.ops++
			depth++
		default:
			continue
		}
		if depth > limit {
			return tok.Range.Start.Line, tok.Range.Start.Column, true
		}
	}
	return 0, 0, false
}

// JSONTemplatesTooDeep is HCLTooDeep for the templates that the strings of
// a Terraform JSON file hold ("${…}"), which HCL parses only when it
// evaluates them. It reports the position of the string.
func JSONTemplatesTooDeep(src []byte, limit int) (line, col int, deep bool) {
	dec := json.NewDecoder(bytes.NewReader(src))
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, false // syntax errors are the parser's to report
		}
		s, ok := tok.(string)
		if !ok || !(strings.Contains(s, "${") || strings.Contains(s, "%{")) {
			continue
		}
		if _, _, deep := HCLTooDeep([]byte(s), true, limit); deep {
			start := before + int64(len(src[before:dec.InputOffset()])-len(bytes.TrimLeft(src[before:dec.InputOffset()], " \t\r\n,:")))
			line, col := Position(src, start)
			return line, col, true
		}
	}
}
