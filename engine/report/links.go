package report

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Repository is where the scanned files are published, so outputs can link
// a location to the file and line.
type Repository struct {
	// URL is the repository's web address, e.g. https://github.com/owner/name.
	URL string
	// Commit is the commit the scanned files are at.
	Commit string
}

var (
	githubRepo   = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
	githubCommit = regexp.MustCompile(`^[0-9a-f]{7,64}$`)
)

// GitHubRepository builds a Repository from what GitHub Actions gives a job
// (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA); ok is false unless all
// three are well formed.
func GitHubRepository(serverURL, repository, sha string) (Repository, bool) {
	u, err := url.Parse(serverURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" ||
		!githubRepo.MatchString(repository) || !githubCommit.MatchString(sha) {
		return Repository{}, false
	}
	return Repository{URL: strings.TrimSuffix(u.String(), "/") + "/" + repository, Commit: sha}, true
}

// FileURL links to lines first to last (0 for one line) of a file given
// relative to the repository root, or returns "" when the repository is
// unknown or the file is not a configuration file inside it (a plan file or
// an installed module is not in the repository).
func (r Repository) FileURL(file string, first, last int) string {
	if r.URL == "" || r.Commit == "" || !inRepository(file) {
		return ""
	}
	segs := strings.Split(file, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	link := r.URL + "/blob/" + r.Commit + "/" + strings.Join(segs, "/")
	switch {
	case first > 0 && last > first:
		link += fmt.Sprintf("#L%d-L%d", first, last)
	case first > 0:
		link += fmt.Sprintf("#L%d", first)
	}
	return link
}

// inRepository reports whether a cleaned, relative path names a Terraform
// file of the repository's own.
func inRepository(file string) bool {
	if file == "" || strings.HasPrefix(file, "/") || file == ".." || strings.HasPrefix(file, "../") {
		return false
	}
	for _, seg := range strings.Split(file, "/") {
		if seg == ".terraform" {
			return false
		}
	}
	for _, ext := range []string{".tf", ".tf.json", ".tfvars", ".tfvars.json"} {
		if strings.HasSuffix(file, ext) {
			return true
		}
	}
	return false
}
