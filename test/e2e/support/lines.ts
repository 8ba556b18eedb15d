// Which pinned n8n lines a suite of the end-to-end tier runs on (test/e2e/n8n-versions.json: a line's `suites`).
import { runsSuite, selectedLines } from '../../../harness/n8n';

type Suite = 'core' | 'editor' | 'files' | 'agent' | 'queue';
type Line = ReturnType<typeof selectedLines>[number];

/** `describe.each` over the selected lines that run `suite`; a skipped block when none does (jest refuses an empty table). */
export function describeEachLine(suite: Suite, name: string, body: (line: Line) => void): void {
	const lines = selectedLines(suite);
	if (lines.length > 0) {
		describe.each(lines)(name, body);
		return;
	}
	describe.skip(`${name.replace(/ ?\$\w+/g, '')}: no selected n8n line runs the ${suite} suite`, () => {
		it('is not run', () => undefined);
	});
}

/** `it` on a line that runs `suite`, `it.skip` on one that does not (e.g. the editor checks inside a core suite). */
export function itOn(line: Line, suite: Suite): jest.It {
	return runsSuite(line, suite) ? it : it.skip;
}
