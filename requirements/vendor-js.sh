#!/usr/bin/env bash
# Vendor the JavaScript that sideline serve's charts and network draw with: d3, from the npm
# registry at a pinned version, checked against the registry's sha512 integrity, into the Python
# package (sideline/web/static/vendor/). Run by hand to update; the vendored files are committed,
# so nothing is fetched at install or run time.
#   bash requirements/vendor-js.sh
set -euo pipefail
NAME=d3
VERSION=7.9.0
INTEGRITY="sha512-e1U46jVP+w7Iut8Jt8ri1YsPOvFpg46k+K8TpCb0P+zjCkjkPnV7WzfDJzMHy1LnA+wj5pLT1wjO901gLXeEhA=="
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/sideline/web/static/vendor/$NAME"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "$NAME@$VERSION" >/dev/null
TGZ="$NAME-$VERSION.tgz"
GOT="sha512-$(openssl dgst -sha512 -binary "$TGZ" | base64 -w0)"
if [ "$GOT" != "$INTEGRITY" ]; then
  echo "vendor-js: $TGZ has integrity $GOT, expected $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$TGZ"
mkdir -p "$DEST"
cp package/dist/d3.min.js "$DEST/d3.min.js"
cp package/LICENSE "$DEST/LICENSE"
printf '%s@%s from the npm registry, tarball integrity %s\n(dist/d3.min.js and LICENSE, copied by requirements/vendor-js.sh)\n' \
  "$NAME" "$VERSION" "$INTEGRITY" > "$DEST/VERSION"
echo "vendored $NAME@$VERSION into ${DEST#$ROOT/}"
