package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	checkout := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-01-31T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	installed := &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}
	tests := []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  Info
	}{
		{"stamped by make", "v1.2.0", "abc1234", "2026-02-01T00:00:00Z", checkout, Info{Version: "1.2.0", Commit: "abc1234", Date: "2026-02-01T00:00:00Z"}},
		{"go install of a release", "", "", "", installed, Info{Version: "1.4.0"}},
		{"go build in a checkout", "", "", "", checkout, Info{Version: "0.0.0-dev", Commit: "0123456789abcdef0123", Date: "2026-01-31T10:00:00Z", Modified: true}},
		{"no build info", "", "", "", nil, Info{Version: "0.0.0-dev"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolve(tt.version, tt.commit, tt.date, tt.bi)
			got.GoVersion = ""
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	s := resolve("", "", "", checkout).String()
	if !strings.HasPrefix(s, "0.0.0-dev (commit 0123456789ab+modified, 2026-01-31T10:00:00Z, go") {
		t.Errorf("String() = %q", s)
	}
}
