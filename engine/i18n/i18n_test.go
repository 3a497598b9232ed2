package i18n

import "testing"

func TestSprintf(t *testing.T) {
	tests := []struct {
		name   string
		format Text
		args   []any
		want   Text
	}{
		{"same arguments in each language", Text{En: "%s: variable %q has no value", Ja: "%s: 変数 %q に値がない"}, []any{"main.tf:3", "x"},
			Text{En: `main.tf:3: variable "x" has no value`, Ja: `main.tf:3: 変数 "x" に値がない`}},
		{"Japanese takes them in another order", Text{En: "the count of %s at %s", Ja: "%[2]s の %[1]s の count"}, []any{"aws_s3_bucket.a", "main.tf:1"},
			Text{En: "the count of aws_s3_bucket.a at main.tf:1", Ja: "main.tf:1 の aws_s3_bucket.a の count"}},
		{"a Text argument in the language at hand", Text{En: "plan: %s", Ja: "プラン: %s"}, []any{Text{En: "errored", Ja: "エラーあり"}},
			Text{En: "plan: errored", Ja: "プラン: エラーあり"}},
		{"no Japanese format, no Japanese text", Text{En: "%s was ignored"}, []any{"x"}, Text{En: "x was ignored"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sprintf(tt.format, tt.args...); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Unsupported attribute: This object does not have\n  an attribute named \"x\".", "`Unsupported attribute: This object does not have an attribute named \"x\".`"},
		{"use `toset()`", "`use 'toset()'`"},
	} {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextsIn(t *testing.T) {
	ts := []Text{{En: "a", Ja: "あ"}, {En: "b"}}
	if got := TextsIn(ts, Ja); len(got) != 2 || got[0] != "あ" || got[1] != "b" {
		t.Errorf("got %q, want the Japanese text, else the English", got)
	}
	if got := TextsIn(nil, En); got == nil || len(got) != 0 {
		t.Errorf("got %#v, want an empty list (JSON []), not nil", got)
	}
}
