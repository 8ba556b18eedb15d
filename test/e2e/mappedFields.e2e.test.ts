// Mapped fields, which the node reads from the item, give what n8n 2.41's default expression engine gives: the engine
// tests' comparison (harness/compareReads.js) run again with `N8N_EXPRESSION_ENGINE=vm`, an isolated VM, which needs
// Node 24 (isolated-vm has no build for Node 20).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

it('mapped fields read from the item give what n8n evaluating them in its isolated VM gives', () => {
	const node24 = execFileSync('bash', [join(ROOT, 'scripts', 'node24.sh')], { encoding: 'utf8' }).trim();
	const output = execFileSync(join(node24, 'node'), [join(ROOT, 'harness', 'compareReads.js')], { cwd: ROOT, encoding: 'utf8' });

	const { engine, compared, mismatches } = JSON.parse(output);
	expect(engine).toBe('vm');
	expect(compared).toBeGreaterThan(50);
	expect(mismatches).toEqual([]);
});
