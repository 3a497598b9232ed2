#!/usr/bin/env bash
# The Action's install step: puts fiscguard in $RUNNER_TEMP/fiscguard-bin and
# names it in $GITHUB_OUTPUT (bin=...). A released version (vX.Y.Z: the
# version input, else the action's own ref) is downloaded and checked
# against the release's SHA256SUMS; anything else is built from source with
# the runner's Go (GOTOOLCHAIN=auto fetches the version go.mod asks for),
# leaving the job's own Go toolchain as it was.
#
# Environment: FISCGUARD_VERSION (input version), ACTION_REF, ACTION_PATH,
# ACTION_REPOSITORY, DOWNLOAD_URL (input download-url), GITHUB_SERVER_URL,
# RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_OUTPUT.
set -euo pipefail

bin="$RUNNER_TEMP/fiscguard-bin"
mkdir -p "$bin"
version=${FISCGUARD_VERSION:-${ACTION_REF:-}}
what=${version:-"the action's checkout"}

release() { [[ $1 =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; }

sha256() {
	if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

# download VERSION: the release binary for this runner, verified; 1 when
# the release has no such file (not published yet), 2 on a bad checksum.
download() {
	local os arch ext="" name base
	case "${RUNNER_OS:-Linux}" in
	Linux) os=linux ;;
	macOS) os=darwin ;;
	Windows) os=windows ext=.exe ;;
	*) echo "::error title=fiscguard::no fiscguard release for runner OS $RUNNER_OS" && return 2 ;;
	esac
	case "${RUNNER_ARCH:-X64}" in
	X64) arch=amd64 ;;
	ARM64) arch=arm64 ;;
	*) echo "::error title=fiscguard::no fiscguard release for runner architecture $RUNNER_ARCH" && return 2 ;;
	esac
	name="fiscguard_${os}_${arch}$ext"
	base=${DOWNLOAD_URL:-${GITHUB_SERVER_URL:-https://github.com}/${ACTION_REPOSITORY:-fiscguard/fiscguard}/releases/download}
	base="${base%/}/$1"
	curl -fsSL --retry 3 -o "$RUNNER_TEMP/SHA256SUMS" "$base/SHA256SUMS" || return 1
	curl -fsSL --retry 3 -o "$bin/fiscguard$ext" "$base/$name" || return 1
	want=$(awk -v n="$name" '$2 == n || $2 == "*" n {print $1}' "$RUNNER_TEMP/SHA256SUMS")
	got=$(sha256 "$bin/fiscguard$ext")
	if [ -z "$want" ] || [ "$want" != "$got" ]; then
		rm -f "$bin/fiscguard$ext"
		echo "::error title=fiscguard::$name of $1 does not match its SHA256SUMS (want ${want:-no entry}, got $got)"
		return 2
	fi
	chmod +x "$bin/fiscguard$ext"
	echo "fiscguard $1 downloaded ($name, SHA-256 $got verified)"
	echo "bin=$bin/fiscguard$ext" >>"$GITHUB_OUTPUT"
}

if release "$version"; then
	if download "$version"; then
		exit 0
	elif [ $? -eq 2 ]; then
		exit 2
	fi
	echo "fiscguard $version has no release files to download; building it from source"
fi

if ! command -v go >/dev/null; then
	echo "::error title=fiscguard::building fiscguard ($what) from source needs Go on the runner; use a released version (vX.Y.Z) instead"
	exit 2
fi
export GOTOOLCHAIN=auto GOFLAGS= CGO_ENABLED=0
if [ -n "${FISCGUARD_VERSION:-}" ] && ! release "$version"; then
	GOBIN="$bin" go install "github.com/fiscguard/fiscguard/cmd/fiscguard@$version"
else
	# The action's checkout is a tarball, not a git clone: name the build after the action's ref.
	ref=$(printf '%s' "${version:-local}" | tr -c 'A-Za-z0-9.-' '-')
	(cd "$ACTION_PATH" && go build -trimpath \
		-ldflags "-s -w -X github.com/fiscguard/fiscguard/engine/version.version=0.0.0-dev+$ref" \
		-o "$bin/fiscguard" ./cmd/fiscguard)
fi
echo "fiscguard built from source ($what)"
echo "bin=$bin/fiscguard" >>"$GITHUB_OUTPUT"
