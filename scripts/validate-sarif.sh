#!/usr/bin/env bash
# Validate SARIF files with Microsoft's SARIF multitool, using both its SARIF
# rules and its GitHub code scanning ("Gh") rules. Fails when any file has an
# error; prints warnings without failing.
#
# Usage: scripts/validate-sarif.sh FILE...
# Needs `npm ci` first (package.json pins @microsoft/sarif-multitool).
#
# Two traps this script works around:
# - The multitool exits 0 even when it reports errors, so we read its output
#   log and count them ourselves.
# - npx's wrapper runs the tool through a shell, which splits "Gh;Sarif" at
#   the semicolon, so we call the native binary directly.
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: $0 FILE..." >&2
	exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$root" && node -p "require('@microsoft/sarif-multitool')" 2>/dev/null) || {
	echo "validate-sarif: @microsoft/sarif-multitool is not installed; run npm ci" >&2
	exit 2
}
# The tool is a .NET program; without ICU installed it aborts unless told
# to use invariant globalization, which validation does not need.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
for file in "$@"; do
	if [ ! -f "$file" ]; then
		echo "validate-sarif: $file: no such file" >&2
		status=1
		continue
	fi
	# The tool only analyses files named *.sarif.
	cp "$file" "$tmp/input.sarif"
	rm -f "$tmp/log.sarif"
	if ! "$bin" validate --rule-kind "Gh;Sarif" --log ForceOverwrite --output "$tmp/log.sarif" "$tmp/input.sarif" >"$tmp/console.txt" 2>&1; then
		cat "$tmp/console.txt" >&2
		echo "validate-sarif: $file: the multitool failed" >&2
		status=1
		continue
	fi
	# Count error and warning results, and any error notification from the
	# tool itself (e.g. a file it could not read).
	if ! node - "$tmp/log.sarif" "$file" <<'JS'; then
const fs = require('fs');
const [logPath, name] = process.argv.slice(2);
let log;
try {
  log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
} catch (e) {
  console.error(`validate-sarif: ${name}: no readable validator log (${e.message})`);
  process.exit(1);
}
const run = (log.runs || [])[0];
if (!run) {
  console.error(`validate-sarif: ${name}: validator log has no run`);
  process.exit(1);
}
const text = (m) => {
  if (!m) return '';
  if (m.text) return m.text;
  const rule = (run.tool.driver.rules || []).find((r) => r.messageStrings && r.messageStrings[m.id]);
  let s = rule ? rule.messageStrings[m.id].text : m.id || '';
  (m.arguments || []).forEach((a, i) => { s = s.split(`{${i}}`).join(a); });
  return s;
};
const count = { error: 0, warning: 0 };
for (const r of run.results || []) {
  const level = r.level || 'warning';
  if (!(level in count)) continue;
  count[level]++;
  const region = (((r.locations || [])[0] || {}).physicalLocation || {}).region || {};
  console.log(`${name}:${region.startLine || 0}:${region.startColumn || 0}: ${level} ${r.ruleId}: ${text(r.message)}`);
}
for (const inv of run.invocations || []) {
  for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
    if (n.level === 'error') {
      count.error++;
      console.log(`${name}: error (tool): ${text(n.message)}`);
    }
  }
  if (inv.executionSuccessful === false) {
    count.error++;
    console.log(`${name}: error (tool): execution was not successful`);
  }
}
console.log(`${name}: ${count.error} error(s), ${count.warning} warning(s)`);
process.exit(count.error > 0 ? 1 : 0);
JS
		status=1
	fi
done
exit "$status"
