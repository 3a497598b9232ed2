// Package version says which fiscguard this is: the version, commit and
// build date stamped by the build (make build, make release), else what Go
// recorded (the module version under go install, the commit of a checkout).
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Stamped at build time with
//
//	-ldflags "-X github.com/fiscguard/fiscguard/engine/version.version=1.2.0
//	          -X github.com/fiscguard/fiscguard/engine/version.commit=abc1234
//	          -X github.com/fiscguard/fiscguard/engine/version.date=2026-01-31T00:00:00Z"
var version, commit, date string

// Info describes this build.
type Info struct {
	// Version is a semantic version without "v" (0.0.0-dev when unknown).
	Version string `json:"version"`
	// Commit and Date are the source commit and when it was built or
	// committed; "" when unknown. Modified is true for a checkout with
	// uncommitted changes.
	Commit    string `json:"commit"`
	Date      string `json:"date"`
	Modified  bool   `json:"modified"`
	GoVersion string `json:"go_version"`
}

// Get returns the stamped values, filled in from the build info Go embeds.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return resolve(version, commit, date, bi)
}

// resolve prefers what the build stamped; the module version (go install
// …@v1.2.0) and the VCS settings (a go build in a checkout) fill the rest.
func resolve(version, commit, date string, bi *debug.BuildInfo) Info {
	info := Info{Version: strings.TrimPrefix(version, "v"), Commit: commit, Date: date, GoVersion: runtime.Version()}
	if bi != nil {
		if v := bi.Main.Version; info.Version == "" && v != "" && v != "(devel)" {
			info.Version = strings.TrimPrefix(v, "v")
		}
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && info.Commit == "":
				info.Commit = s.Value
			case s.Key == "vcs.time" && info.Date == "":
				info.Date = s.Value
			case s.Key == "vcs.modified" && commit == "":
				info.Modified = s.Value == "true"
			}
		}
	}
	if info.Version == "" {
		info.Version = "0.0.0-dev"
	}
	return info
}

// String is the version on one line: "1.2.0 (commit abc1234, 2026-01-31)".
func (i Info) String() string {
	var details []string
	if i.Commit != "" {
		c := i.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		if i.Modified {
			c += "+modified"
		}
		details = append(details, "commit "+c)
	}
	if i.Date != "" {
		details = append(details, i.Date)
	}
	details = append(details, i.GoVersion)
	return fmt.Sprintf("%s (%s)", i.Version, strings.Join(details, ", "))
}
