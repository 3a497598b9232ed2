#!/usr/bin/env bash
# Times fiscguard beside conftest on the same synthetic plans, in one run, so
# both see the same machine: usage FISCGUARD CONFTEST PLAN_DIR.
#
# - 10,000 resources, most misconfigured (synthplan -many-findings): a strict
#   SARIF scan against conftest's five checks (fixtures/synth/conftest)
# - the same at 50,000 resources, against the 10k time
# - 10,000 resources, a third misconfigured (synthplan's default)
#
# Each command runs RUNS times (default 5), alternating; the table shows the
# median wall time, the median CPU time (user + system) and the largest peak
# resident memory. Output goes to standard output redirected to /dev/null.
set -euo pipefail

fiscguard=$1 conftest=$2 dir=$3
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")/.." && pwd)

for spec in 10k-many:10000:-many-findings 50k-many:50000:-many-findings 10k:10000:; do
	IFS=: read -r name n flag <<<"$spec"
	[ -s "$dir/plan-$name.json" ] || go run "$here/fixtures/synth/synthplan" -n "$n" $flag >"$dir/plan-$name.json"
done

# measure LABEL CMD...: RUNS timings of CMD as "wall cpu peak_kb" lines in $dir/LABEL.times
measure() {
	local label=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -a -o "$dir/$label.raw" "$@" >/dev/null 2>"$dir/$label.err" || [ $? -eq 1 ] || {
		cat "$dir/$label.err" >&2
		exit 2
	}
}

rm -f "$dir"/*.raw
for _ in $(seq "$runs"); do
	measure fg-10k-many "$fiscguard" scan "$dir/plan-10k-many.json" --profile strict --format sarif
	measure ct-10k-many "$conftest" test --no-color --policy "$here/fixtures/synth/conftest" "$dir/plan-10k-many.json"
	measure fg-10k "$fiscguard" scan "$dir/plan-10k.json" --profile strict --format sarif
	measure ct-10k "$conftest" test --no-color --policy "$here/fixtures/synth/conftest" "$dir/plan-10k.json"
done
for _ in $(seq "$runs"); do
	measure fg-50k-many "$fiscguard" scan "$dir/plan-50k-many.json" --profile strict --format sarif
done

# stat LABEL: "wall cpu peak_mb" (medians of wall and cpu, largest peak)
stat() {
	# time also writes "Command exited with non-zero status 1" lines: skip them.
	awk '/^[0-9]/ {n++; w[n]=$1; c[n]=$2+$3; if ($4>m) m=$4}
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
		}
		END {printf "%.2f %.2f %.0f\n", median(w, n), median(c, n), m/1024}' "$dir/$1.raw"
}

findings=$("$fiscguard" scan "$dir/plan-10k-many.json" --profile strict --format json | grep -c '"rule_id"' || true)
printf '\n%-48s %8s %8s %9s\n' "scan (median of $runs runs)" "wall s" "cpu s" "peak MB"
row() { read -r w c m <<<"$(stat "$2")"; printf '%-48s %8s %8s %9s\n' "$1" "$w" "$c" "$m"; }
row "fiscguard, 10k resources, $findings findings" fg-10k-many
row "conftest v0.71.1 (5 checks), same file" ct-10k-many
row "fiscguard, 50k resources, most misconfigured" fg-50k-many
row "fiscguard, 10k resources, a third misconfigured" fg-10k
row "conftest v0.71.1 (5 checks), same file" ct-10k
read -r fw fc _ <<<"$(stat fg-10k-many)"
read -r cw cc _ <<<"$(stat ct-10k-many)"
read -r bw _ _ <<<"$(stat fg-50k-many)"
awk -v fw="$fw" -v cw="$cw" -v fc="$fc" -v cc="$cc" -v bw="$bw" 'BEGIN {
	printf "\nfiscguard / conftest, 10k many findings: %.2fx wall, %.2fx cpu (target: within 2x)\n", fw/cw, fc/cc
	printf "fiscguard 50k / 10k: %.2fx wall (target: under 5.5x)\n", bw/fw
}'
