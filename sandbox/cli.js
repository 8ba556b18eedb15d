#!/usr/bin/env node
// @ts-check
'use strict';

// Standalone sandbox for demos and manual checks: node sandbox/cli.js [--port 4010] [--host 127.0.0.1]

const { startSandbox } = require('./index');
const { seedDemo } = require('./seed');

/** @param {string[]} argv */
function parseArgs(argv) {
	const args = { port: 4010, host: '127.0.0.1' };
	for (let i = 0; i < argv.length; i += 1) {
		const value = argv[i + 1];
		if (argv[i] === '--port' && value !== undefined) args.port = Number(value);
		else if (argv[i] === '--host' && value !== undefined) args.host = value;
		else throw new Error(`usage: node sandbox/cli.js [--port 4010] [--host 127.0.0.1] (bad argument ${argv[i]})`);
		i += 1;
	}
	if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error(`bad port ${argv.join(' ')}`);
	return args;
}

async function main() {
	const sb = await startSandbox(parseArgs(process.argv.slice(2)));
	const demo = seedDemo(sb);
	// One JSON line, so a script can start this and read the line to learn where and how to call it.
	process.stdout.write(`${JSON.stringify({ url: sb.url, ...demo })}\n`);
	const stop = () => {
		sb.close().then(() => process.exit(0), () => process.exit(1));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((err) => {
	process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
	process.exit(1);
});
