const { src, dest } = require('gulp');

// tsc only emits JavaScript; n8n also needs the icons and codex files beside the compiled node and credential.
function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyAssets;
