#!/usr/bin/env bash
# Installs a real n8n (version $1) into a cache folder outside the repository, once; later calls reuse it.
# Prints the folder. A line pinned to another Node.js major than the one running gets it from the npm registry
# (scripts/node.sh). No other download.
# Usage: scripts/install-n8n.sh 2.41.1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="$1"
line=$(node -e 'const l = require(process.argv[1]).lines.find((x) => x.n8n === process.argv[2]); if (!l) process.exit(1); console.log(JSON.stringify(l))' "$here/../test/e2e/n8n-versions.json" "$version") \
	|| { echo "n8n $version is not pinned in test/e2e/n8n-versions.json" >&2; exit 1; }
node_major=$(node -e 'console.log(JSON.parse(process.argv[1]).node)' "$line")
overrides=$(node -e 'console.log(JSON.stringify(JSON.parse(process.argv[1]).overrides ?? {}))' "$line")
cache="${BUILDIN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-buildin}"
dir="$cache/n8n-$version"

if [ "$node_major" != "$(node -p 'process.versions.node.split(".")[0]')" ]; then
	node_bin="$("$here/node.sh" "$node_major")"
	export PATH="$node_bin:$PATH"
	export npm_config_nodedir="$(dirname "$node_bin")"
fi

if [ -f "$dir/.installed" ]; then
	echo "$dir"
	exit 0
fi
echo "Installing n8n $version (Node $(node --version)) into $dir; the first install takes several minutes" >&2
rm -rf "$dir"
mkdir -p "$dir"
printf '{ "name": "n8n-install", "private": true, "overrides": %s }\n' "$overrides" > "$dir/package.json"
# Install scripts are skipped (a Kafka client's would download from outside); sqlite3 is the one native module a
# headless n8n needs, so it is rebuilt from source against this Node.
(cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$version" >&2 && npm rebuild sqlite3 >&2)
touch "$dir/.installed"
echo "$dir"
