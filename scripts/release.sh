#!/usr/bin/env bash
# Cross-compiles fiscguard into DIST, one static, stripped binary per
# platform, and writes DIST/SHA256SUMS: scripts/release.sh DIST LDFLAGS OS/ARCH...
# (make release passes the version, commit and date stamp as LDFLAGS).
set -euo pipefail

dist=$1 ldflags=$2
shift 2
cd "$(dirname "$0")/.."
rm -rf "$dist"
mkdir -p "$dist"
for platform in "$@"; do
	os=${platform%/*} arch=${platform#*/}
	ext=
	[ "$os" = windows ] && ext=.exe
	echo "fiscguard_${os}_${arch}$ext"
	CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -ldflags "$ldflags" \
		-o "$dist/fiscguard_${os}_${arch}$ext" ./cmd/fiscguard
done
(cd "$dist" && sha256sum fiscguard_* >SHA256SUMS)
