// The repository's lint (`npm run lint`). eslint.config.mjs is n8n's default config for community nodes, word for
// word, because `n8n-node lint` and `n8n-node cloud-support` accept no other; this file adds to it:
// - inline configuration off in nodes/ and credentials/, as n8n's scanner lints them: an eslint-disable comment there
//   counts for nothing;
// - two eslint-plugin-n8n-nodes-base rules the project kept on before adopting that config, which turns them off;
// - test/, which is not shipped: n8n Cloud's limits on globals and imports, its secret and dangerous-function checks
//   (tests start servers, read files and use fixed tokens) and the two TypeScript rules tests relax;
// - the plain Node.js JavaScript of sandbox/, harness/, bench/, scripts/ and the configuration files at the top (not
//   shipped either): ESLint's recommended rules with Node's globals, CommonJS in .js and ES modules in .mjs.
import js from '@eslint/js';
import { config } from '@n8n/node-cli/eslint';
import globals from 'globals';

const NODE_PROGRAMS = ['sandbox/**', 'harness/**', 'bench/**', 'scripts/**', '.'];

export default [
	...config,
	{ files: ['nodes/**', 'credentials/**'], linterOptions: { noInlineConfig: true } },
	{ files: ['credentials/**/*.ts'], rules: { 'n8n-nodes-base/cred-class-field-type-options-password-missing': 'error' } },
	{ files: ['nodes/**/*.ts'], rules: { 'n8n-nodes-base/node-param-type-options-max-value-present': 'error' } },
	{
		files: ['test/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			// Tests load the JavaScript sandbox and harness with require() and handle their untyped values.
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
	{
		files: NODE_PROGRAMS.map((folder) => `${folder}/*.js`),
		...js.configs.recommended,
		languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: globals.node },
	},
	{
		files: NODE_PROGRAMS.map((folder) => `${folder}/*.mjs`),
		...js.configs.recommended,
		languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
	},
];
