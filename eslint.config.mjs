import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

// Both rule sets n8n applies to community packages: the classic n8n-nodes-base rules (package.json, credentials,
// nodes) and @n8n/eslint-plugin-community-nodes `recommended` (the n8n Cloud verification rules).
const nodesBase = (config) => ({ plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: n8nNodesBase.configs[config].rules });

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{ files: ['package.json'], ...nodesBase('community') },
	{
		files: ['credentials/**/*.ts'],
		...nodesBase('credentials'),
		// As n8n-nodes-starter: these two apply to n8n's own repository, where documentationUrl is a slug.
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-documentation-url-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		...nodesBase('nodes'),
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Superseded by @n8n/community-nodes/node-connection-type-literal, which wants NodeConnectionTypes.Main.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Continue-on-fail is handled once, in actions/router.ts, not in the node's execute().
			'n8n-nodes-base/node-execute-block-missing-continue-on-fail': 'off',
		},
	},
	{ files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'], ...n8nCommunityNodesPlugin.configs.recommended },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'test/**/*.ts'] })),
	{
		files: ['test/**/*.ts'],
		languageOptions: { parser: tseslint.parser },
		// Tests load the JavaScript sandbox and harness with require() and handle their untyped values.
		rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
	},
];
