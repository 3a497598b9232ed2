// Package baseline records the findings a team has accepted for now, by
// fingerprint, so later scans report only new ones. Fingerprints hash the
// rule, resource address and attribute, so moved lines and reordered
// resources do not change them.
package baseline

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/jsonerr"
	"github.com/fiscguard/fiscguard/engine/model"
)

// Version is the baseline file format's version.
const Version = 1

// File is a baseline as written to disk; entries are sorted, so the same
// findings always give the same file.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Rule, address and attribute are there for
// people reading the file; only the fingerprint is matched.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Address     string `json:"address"`
	Attribute   string `json:"attribute,omitempty"`
}

// FromFindings records findings that are not waived.
func FromFindings(fs []finding.Finding) File {
	seen := map[string]bool{}
	b := File{Version: Version, Findings: []Entry{}}
	for _, f := range fs {
		if f.Waiver != nil || seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		b.Findings = append(b.Findings, Entry{Fingerprint: f.Fingerprint, Rule: f.Rule.ID, Address: f.Address, Attribute: f.Attribute})
	}
	sort.Slice(b.Findings, func(i, j int) bool { return b.Findings[i].Fingerprint < b.Findings[j].Fingerprint })
	return b
}

// Marshal renders the file, indented, with a trailing newline.
func (b File) Marshal() []byte {
	out, _ := json.MarshalIndent(b, "", "  ") // plain strings and ints cannot fail
	return append(out, '\n')
}

// maxSize bounds a baseline file: a million findings fit.
const maxSize = 256 << 20

// Load reads a baseline file.
func Load(path string) (map[string]bool, error) {
	data, err := inputfile.Read(path, maxSize)
	if err == nil {
		data, err = inputfile.UTF8(data)
	}
	if err != nil {
		return nil, &model.InputError{File: path, Msg: inputfile.Describe(err)}
	}
	var b File
	if err := json.Unmarshal(data, &b); err != nil {
		e := jsonerr.Describe(data, err)
		msg := e.Msg
		if !e.Syntax {
			msg = "not a fiscguard baseline: " + msg
		}
		return nil, &model.InputError{File: path, Line: e.Line, Column: e.Column, Msg: msg}
	}
	if b.Version != Version {
		return nil, &model.InputError{File: path, Msg: fmt.Sprintf("baseline version %d is not supported (want %d)", b.Version, Version)}
	}
	out := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		out[e.Fingerprint] = true
	}
	return out, nil
}

// Filter keeps the findings whose fingerprints the baseline does not hold.
func Filter(fs []finding.Finding, known map[string]bool) []finding.Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if !known[f.Fingerprint] {
			out = append(out, f)
		}
	}
	return out
}
