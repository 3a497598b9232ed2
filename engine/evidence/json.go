package evidence

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
)

// MaxJSONSize bounds one evidence report read for merging.
const MaxJSONSize = 512 << 20

// Encode writes the report as indented JSON (schema_version 1). Text is in
// both languages ({"en": …, "ja": …}), so reports in any language merge.
func Encode(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote HCL like "a < b"; keep them readable rather than \u003c.
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// ReadFile reads an evidence report written by Encode, checking what
// merging relies on; every error names the file.
func ReadFile(path string) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &model.InputError{File: path, Msg: inputfile.Describe(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxJSONSize+1))
	if err != nil {
		return nil, &model.InputError{File: path, Msg: inputfile.Describe(err)}
	}
	if len(data) > MaxJSONSize {
		return nil, &model.InputError{File: path, Msg: fmt.Sprintf("larger than %d MiB", MaxJSONSize>>20)}
	}
	r, err := decode(data)
	if err != nil {
		return nil, &model.InputError{File: path, Msg: err.Error()}
	}
	return r, nil
}

func decode(data []byte) (*Report, error) {
	var head struct {
		SchemaVersion *int `json:"schema_version"`
		Targets       *[]Target
		Items         *[]Item
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("not an evidence report (fiscguard evidence --format json): %v", err)
	}
	switch {
	case head.SchemaVersion == nil || head.Targets == nil || head.Items == nil:
		return nil, fmt.Errorf("not an evidence report (fiscguard evidence --format json): no schema_version, targets or items")
	case *head.SchemaVersion != SchemaVersion:
		return nil, fmt.Errorf("schema_version %d is not %d, the version this fiscguard reads", *head.SchemaVersion, SchemaVersion)
	}
	var r Report
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	for _, it := range r.Items {
		if len(it.Targets) != len(r.Targets) {
			return nil, fmt.Errorf("item %s has %d target statuses for %d targets", it.ID, len(it.Targets), len(r.Targets))
		}
		for _, st := range append([]ItemTarget{{Status: it.Status}}, it.Targets...) {
			if !slices.Contains(Statuses, st.Status) {
				return nil, fmt.Errorf("item %s has an unknown status %q", it.ID, st.Status)
			}
		}
	}
	return &r, nil
}
