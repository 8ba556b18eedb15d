// Shared by the sandbox tests: a sandbox per test file, a fetch wrapper, and the error-shape check.
import { startSandbox } from '../../sandbox';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export type Json = Record<string, any>;
export interface Answer {
	status: number;
	headers: Headers;
	json: Json;
}

export const ALL_SCOPES = ['pages.read', 'pages.write', 'blocks.read', 'blocks.write', 'databases.read', 'databases.write',
	'users.read', 'users.email.read', 'search.read'];
export const MISSING_UUID = '99999999-9999-4999-8999-999999999999';

/** Rich text in write shape. */
export const text = (content: string) => [{ type: 'text', text: { content } }];
/** A BlockInput of a text type. */
export const textBlock = (type: string, content: string, extra: Json = {}) => ({ type, [type]: { rich_text: text(content), ...extra } });
/** The plain text of a rich text array in read shape. */
export const plain = (rich: Json[] | undefined) => (rich ?? []).map((t) => t.plain_text).join('');

/** Starts a sandbox in beforeAll (with `tok_all` holding every scope), resets it after each test, closes it after all. */
export function useSandbox(): { readonly sb: Sandbox; call: typeof call } {
	const holder: { sb?: Sandbox } = {};
	beforeAll(async () => {
		holder.sb = await startSandbox({ port: 0 });
		holder.sb.addToken('tok_all', ALL_SCOPES);
	});
	afterEach(() => holder.sb?.reset());
	afterAll(async () => {
		await holder.sb?.close();
	});
	async function call(method: string, path: string, opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
		const headers: Record<string, string> = { ...opts.headers };
		const token = opts.token === undefined ? 'tok_all' : opts.token;
		if (token !== null) headers.authorization = `Bearer ${token}`;
		let body: string | undefined;
		if (opts.body !== undefined) {
			body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
			headers['content-type'] = 'application/json';
		}
		const res = await fetch(`${(holder.sb as Sandbox).url}${path}`, { method, headers, body });
		return { status: res.status, headers: res.headers, json: JSON.parse(await res.text()) as Json };
	}
	return {
		get sb() {
			return holder.sb as Sandbox;
		},
		call,
	};
}

export function expectError(res: Answer, status: number, code: string) {
	expect(res.status).toBe(status);
	expect(res.json).toMatchObject({ object: 'error', status, code });
	expect(typeof res.json.message).toBe('string');
	expect(res.json.request_id).toMatch(/^req_/);
	expect(Array.isArray(res.json.details)).toBe(true);
}
