#!/usr/bin/env bash
# The Action's scan step: one scan writes the SARIF for code scanning, the
# Markdown for the job summary and the workflow-command annotations for
# runs that cannot upload, and its exit code becomes the step's outputs
# (the verdict comes in the action's last step). It also decides whether
# the token can upload SARIF: not for a pull request from a fork, nor for
# Dependabot, whose tokens are read-only, nor when upload-sarif is false.
#
# Environment: the inputs (SCAN_PATHS, PROFILE, FAIL_ON, FG_LANG, EDITION,
# VAR_FILES, CONFIG, DIFF_BASE, CHANGED_ONLY, SOURCE_DIR, CATEGORY, ARGS,
# SARIF_FILE, UPLOAD_SARIF), FISCGUARD (the binary), EVENT_NAME, HEAD_REPO,
# ACTOR, GITHUB_REPOSITORY, RUNNER_TEMP, GITHUB_OUTPUT.

# The scan's exit code is data here, not a reason to stop.
set +e -uo pipefail

trim() {
	local s=$1
	s="${s#"${s%%[![:space:]]*}"}"
	printf '%s' "${s%"${s##*[![:space:]]}"}"
}

args=(scan)
while IFS= read -r p; do
	p=$(trim "$p")
	[ -n "$p" ] && args+=("$p")
done <<<"${SCAN_PATHS:-.}"
[ ${#args[@]} -eq 1 ] && args+=(.)
[ -n "${PROFILE:-}" ] && args+=(--profile "$PROFILE")
[ -n "${FAIL_ON:-}" ] && args+=(--fail-on "$FAIL_ON")
[ -n "${FG_LANG:-}" ] && args+=(--lang "$FG_LANG")
[ -n "${EDITION:-}" ] && args+=(--edition "$EDITION")
[ -n "${CONFIG:-}" ] && args+=(--config "$CONFIG")
[ -n "${DIFF_BASE:-}" ] && args+=(--diff-base "$DIFF_BASE")
[ "${CHANGED_ONLY:-false}" = true ] && args+=(--changed-only)
[ -n "${SOURCE_DIR:-}" ] && args+=(--source-dir "$SOURCE_DIR")
[ -n "${CATEGORY:-}" ] && args+=(--sarif-category "$CATEGORY")
while IFS= read -r f; do
	f=$(trim "$f")
	[ -n "$f" ] && args+=(--var-file "$f")
done <<<"${VAR_FILES:-}"
# Free arguments, split on white space (no shell quoting or expansion).
read -r -a extra <<<"$(printf '%s' "${ARGS:-}" | tr '\n' ' ')"
args+=("${extra[@]}")

sarif="${SARIF_FILE:-$RUNNER_TEMP/fiscguard.sarif}"
markdown="$RUNNER_TEMP/fiscguard.md"
annotations="$RUNNER_TEMP/fiscguard.annotations"
"$FISCGUARD" "${args[@]}" -o "sarif=$sarif" -o "markdown=$markdown" -o "github=$annotations"
code=$?

upload=true reason=
if [ "${UPLOAD_SARIF:-true}" != true ]; then
	upload=false reason="upload-sarif is false"
elif [[ ${EVENT_NAME:-} == pull_request* ]] && [ -n "${HEAD_REPO:-}" ] && [ "$HEAD_REPO" != "${GITHUB_REPOSITORY:-}" ]; then
	upload=false reason="this pull request comes from the fork $HEAD_REPO, whose token cannot upload SARIF"
elif [ "${ACTOR:-}" = "dependabot[bot]" ]; then
	upload=false reason="Dependabot's token cannot upload SARIF"
fi
category=
if [ "$code" -le 1 ]; then
	category=$(awk '/"automationDetails": \{/ { getline; sub(/^ *"id": "/, ""); sub(/",?$/, ""); print; exit }' "$sarif")
fi
{
	echo "exit-code=$code"
	echo "sarif-file=$sarif"
	echo "markdown-file=$markdown"
	echo "annotations-file=$annotations"
	echo "category=$category"
	echo "upload=$upload"
	echo "reason=$reason"
} >>"$GITHUB_OUTPUT"
if [ "$code" -ge 2 ]; then
	echo "::error title=fiscguard::the scan failed (exit $code); see the message above"
fi
exit 0
