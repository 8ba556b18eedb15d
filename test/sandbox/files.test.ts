// The sandbox's file endpoints and its object store: presigned uploads that refuse anything but exactly the PUT
// they were issued for, blocks that may only name uploaded files, and download links that expire.
import { expectError, useSandbox, type Json } from './helpers';

const env = useSandbox();
const { call } = env;

const ask = (body: unknown) => call('POST', '/v2/files/upload-url', { body });

async function uploadLink(pageId: string, extra: Json = {}) {
	const res = await ask({ filename: 'notes.txt', content_type: 'text/plain', content_length: 5, parent: { type: 'page_id', page_id: pageId }, ...extra });
	expect(res.status).toBe(200);
	return res.json;
}

const put = (url: string, body: string | Buffer, headers: Record<string, string>) => fetch(url, { method: 'PUT', body, headers });

describe('POST /v2/files/upload-url', () => {
	it('issues a PUT link on the object store (another port) with the headers to send, the key and the size', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const link = await uploadLink(page.id);
		expect(link).toMatchObject({ object: 'file_upload', method: 'PUT', headers: { 'Content-Type': 'text/plain' }, size: 5, oss_name: expect.stringMatching(/^uploads\//) });
		expect(link.upload_url.startsWith(`${env.sb.objectStore.url}/oss/`)).toBe(true);
		expect(env.sb.objectStore.url).not.toBe(env.sb.url);
	});

	it('is strict: `size` instead of content_length, a type off the whitelist, over 100 MB, no parent', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const base = { filename: 'a.txt', content_type: 'text/plain', content_length: 5, parent: { page_id: page.id } };
		const withSize = await ask({ ...base, content_length: undefined, size: 5 });
		expectError(withSize, 400, 'validation_error');
		expect(withSize.json.details).toEqual(expect.arrayContaining([{ path: 'size', reason: 'unknown_field' }, { path: 'content_length', reason: 'required' }]));
		expect((await ask({ ...base, content_type: 'application/x-msdownload' })).json.details[0]).toMatchObject({ path: 'content_type', reason: 'unsupported_content_type' });
		expect((await ask({ ...base, content_length: 100 * 1024 * 1024 + 1 })).json.details[0]).toMatchObject({ path: 'content_length', reason: 'too_large', limit: 100 * 1024 * 1024 });
		expect((await ask({ ...base, parent: undefined })).json.details[0]).toEqual({ path: 'parent', reason: 'required' });
	});
});

describe('the object store', () => {
	it('stores exactly the PUT it issued the link for and records that it carried no Authorization', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const link = await uploadLink(page.id);
		const res = await put(link.upload_url, 'hello', link.headers);
		expect(res.status).toBe(200);
		expect(env.sb.objectStore.requests.map((r) => [r.method, r.status, r.authorization, r.bytesReceived])).toEqual([['PUT', 200, false, 5]]);
		expect(env.sb.objectStore.objects.get(link.oss_name)?.bytes?.toString()).toBe('hello');
	});

	it('refuses an Authorization header, a missing Content-Length, another Content-Type or length, and an expired link', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const link = await uploadLink(page.id);
		const status = async (response: Promise<Response>) => {
			const r = await response;
			return [r.status, /<Code>(\w+)<\/Code>/.exec(await r.text())?.[1]];
		};
		expect(await status(put(link.upload_url, 'hello', { ...link.headers, authorization: 'Bearer secret' }))).toEqual([400, 'InvalidArgument']);
		expect(env.sb.objectStore.requests[0].authorization).toBe(true);
		// A streamed body without a length goes chunked.
		const chunked = fetch(link.upload_url, {
			method: 'PUT',
			headers: link.headers,
			body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('hello')), c.close()) }),
			duplex: 'half',
		} as RequestInit);
		expect(await status(chunked)).toEqual([411, 'MissingContentLength']);
		expect(await status(put(link.upload_url, 'hello', { 'Content-Type': 'text/html' }))).toEqual([403, 'SignatureDoesNotMatch']);
		expect(await status(put(link.upload_url, 'hello!', link.headers))).toEqual([400, 'InvalidContentLength']);
		env.sb.objectStore.advanceClock(3_600_001);
		expect(await status(put(link.upload_url, 'hello', link.headers))).toEqual([403, 'AccessDenied']);
		expect(env.sb.objectStore.objects.has(link.oss_name)).toBe(false);
	});
});

describe('blocks naming uploaded files', () => {
	it('refuses a key that was issued but not uploaded, and a size other than the uploaded one', async () => {
		const page = env.sb.addPage({ title: 'P' });
		const pending = await uploadLink(page.id);
		const block = (key: string, size: number) => ({ children: [{ type: 'file', file: { type: 'file', file: { oss_name: key, size } } }] });
		const notUploaded = await call('PATCH', `/v2/blocks/${page.id}/children`, { body: block(pending.oss_name, 5) });
		expectError(notUploaded, 400, 'validation_error');
		expect(notUploaded.json.details).toEqual([{ path: 'children[0].file.file.oss_name', reason: 'not_uploaded' }]);
		await put(pending.upload_url, 'hello', pending.headers);
		const wrongSize = await call('PATCH', `/v2/blocks/${page.id}/children`, { body: block(pending.oss_name, 6) });
		expect(wrongSize.json.details).toEqual([{ path: 'children[0].file.file.size', reason: 'size_mismatch', expected: 5, actual: 6 }]);
		expect(env.sb.childrenOf(page.id)).toEqual([]);
		expect((await call('PATCH', `/v2/blocks/${page.id}/children`, { body: block(pending.oss_name, 5) })).status).toBe(200);
	});
});

describe('GET /v2/files/download-url', () => {
	async function fileBlock() {
		const page = env.sb.addPage({ title: 'P' });
		const link = await uploadLink(page.id);
		await put(link.upload_url, 'hello', link.headers);
		const appended = await call('PATCH', `/v2/blocks/${page.id}/children`, { body: { children: [{ type: 'file', file: { type: 'file', file: { oss_name: link.oss_name, size: 5 } } }] } });
		return { block: appended.json.results[0] as Json, key: link.oss_name as string };
	}

	it('a block reads with a temporary link and its key; the download link gives the bytes until its ttl is over', async () => {
		const { block, key } = await fileBlock();
		expect(block.file.file).toEqual({ url: expect.stringContaining('/oss/'), expiry_time: expect.any(String), oss_name: key });
		const res = await call('GET', `/v2/files/download-url?block_id=${block.id}&oss_name=${encodeURIComponent(key)}`);
		expect(res.json).toMatchObject({ object: 'file_download', type: 'file', name: 'notes.txt', ttl: 300, file: { oss_name: key } });
		const first = await fetch(res.json.file.url);
		expect([first.status, first.headers.get('content-type'), await first.text()]).toEqual([200, 'text/plain', 'hello']);
		env.sb.objectStore.advanceClock(301_000);
		const late = await fetch(res.json.file.url);
		expect([late.status, await late.text()]).toEqual([403, expect.stringContaining('Request has expired')]);
	});

	it('issues a link only for the key the block references; the key can be left out of reads', async () => {
		const { block } = await fileBlock();
		const other = await call('GET', `/v2/files/download-url?block_id=${block.id}&oss_name=uploads%2Fother`);
		expect(other.json.details).toEqual([{ path: 'oss_name', reason: 'not_referenced' }]);
		expectError(await call('GET', `/v2/files/download-url?oss_name=x`), 400, 'validation_error');
		env.sb.options.fileKeyOnRead = false;
		try {
			expect((await call('GET', `/v2/blocks/${block.id}`)).json.file.file).not.toHaveProperty('oss_name');
		} finally {
			env.sb.options.fileKeyOnRead = true;
		}
	});
});
