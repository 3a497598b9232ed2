package report

import "testing"

func TestGitHubRepository(t *testing.T) {
	const sha = "4f2c9a1e0b7d3c5a6e8f9012a3b4c5d6e7f80912"
	tests := []struct {
		server, repo, sha string
		want              string // "" for no repository
	}{
		{"https://github.com", "bank/infra", sha, "https://github.com/bank/infra"},
		{"https://ghe.example.jp/", "bank/infra", sha, "https://ghe.example.jp/bank/infra"},
		{"", "bank/infra", sha, ""},
		{"https://github.com", "", sha, ""},
		{"https://github.com", "bank/infra", "", ""},
		{"javascript:alert(1)", "bank/infra", sha, ""},
		{"https://github.com", "bank/infra)](x", sha, ""},
		{"https://github.com", "bank/infra", "main", ""},
		{"https://github.com?x=1", "bank/infra", sha, ""},
	}
	for _, tt := range tests {
		r, ok := GitHubRepository(tt.server, tt.repo, tt.sha)
		if ok != (tt.want != "") || r.URL != tt.want {
			t.Errorf("GitHubRepository(%q, %q, %q) = %+v, %v; want %q", tt.server, tt.repo, tt.sha, r, ok, tt.want)
		}
	}
}

func TestFileURL(t *testing.T) {
	r := Repository{URL: "https://github.com/bank/infra", Commit: "abc1234"}
	tests := []struct {
		file        string
		first, last int
		want        string
	}{
		{"main.tf", 12, 0, "https://github.com/bank/infra/blob/abc1234/main.tf#L12"},
		{"modules/db/main.tf", 3, 9, "https://github.com/bank/infra/blob/abc1234/modules/db/main.tf#L3-L9"},
		{"envs/prod (tokyo)/main.tf", 3, 3, "https://github.com/bank/infra/blob/abc1234/envs/prod%20%28tokyo%29/main.tf#L3"},
		{"prod.tfvars", 0, 0, "https://github.com/bank/infra/blob/abc1234/prod.tfvars"},
		{"plan.json", 4, 0, ""},                      // a plan is not in the repository
		{".terraform/modules/vpc/main.tf", 4, 0, ""}, // nor an installed module
		{"../elsewhere/main.tf", 4, 0, ""},           // nor a file outside it
		{"/abs/main.tf", 4, 0, ""},
	}
	for _, tt := range tests {
		if got := r.FileURL(tt.file, tt.first, tt.last); got != tt.want {
			t.Errorf("FileURL(%q, %d, %d) = %q, want %q", tt.file, tt.first, tt.last, got, tt.want)
		}
	}
	if got := (Repository{}).FileURL("main.tf", 1, 0); got != "" {
		t.Errorf("unknown repository links to %q", got)
	}
}
