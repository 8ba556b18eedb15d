// The Buildin node as an AI agent's tool in the tool tests, in-process (test/nodes/Buildin/actions/asTool.test.ts) and
// in real n8n (test/e2e/agentTool.e2e.test.ts): the Update Page tool, and what the model reads of it and of failures.
import type { INodeParameters } from 'n8n-workflow';

/** Page → Update with the page and the title filled by the model, Simplify on, as the README's tool section shows. */
export const UPDATE_PAGE_TOOL: INodeParameters = {
	resource: 'page',
	operation: 'update',
	pageId: { __rl: true, mode: 'id', value: "={{ $fromAI('pageId', 'ID or URL of the page', 'string') }}" },
	title: "={{ $fromAI('title', 'The new title', 'string') }}",
	simplify: true,
};

/** The tool the model is offered for UPDATE_PAGE_TOOL in a node named "Update Page". */
export const UPDATE_PAGE_OFFERED = {
	name: 'Update_Page',
	description: 'Update page in Buildin',
	parameters: {
		type: 'object',
		properties: {
			pageId: { type: 'string', description: 'ID or URL of the page' },
			title: { type: 'string', description: 'The new title' },
		},
		required: ['pageId', 'title'],
		additionalProperties: false,
		$schema: 'http://json-schema.org/draft-07/schema#',
	},
};

/** What the model reads when a call fails: the error's message, which carries the advice (n8n drops the description). */
export const MESSAGES = {
	badId: (value: string) =>
		`Page: "${value}" is not a Buildin ID or URL. Use a Buildin ID (11111111-1111-4111-8111-111111111111 or the same 32 hex characters without dashes) or a Buildin URL such as https://buildin.ai/docs/11111111111141118111111111111111.`,
	notFound:
		'Buildin API error 404 (not_found: The page does not exist or is not visible to this integration). No page with this ID is visible to the integration: check the ID or URL, and that the page is shared with the integration.',
	forbidden:
		'Buildin API error 403 (forbidden: The integration is not allowed to do this). The integration lacks the pages.write capability, the page is not shared with the integration, or the workspace plan does not allow it. Grant the capability or share the page with the integration in Buildin.',
	conflict: (apiMessage: string) =>
		`Buildin API error 409 (conflict: ${apiMessage}). The page changed since the version sent in If-Match, so nothing was written. Read it again (Page → Get), apply your change to the new version and send the new ETag as If-Match.`,
};

/**
 * What the model reads of a 404 when the tool's On Error is Continue: the failed item, which carries the node error,
 * so n8n makes its JSON the error's message, advice included.
 */
export const NOT_FOUND_ITEM = { error: MESSAGES.notFound };
