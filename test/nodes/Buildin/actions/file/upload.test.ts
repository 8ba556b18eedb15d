// File → Upload through n8n's engine against the sandbox and its object store: the three steps, no token at the
// object store, streaming from n8n's binary storage, and what is refused before anything is sent.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { failureOf, runBuildin, TOKEN, useSandbox } from '../../../../support/workflow';
import { randomFile, sha256, uploadTo, type Json } from './support';

const { setBinaryDataMode } = require('../../../../../harness/engine');

const sandbox = useSandbox();

const apiCalls = () => sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

describe('File → Upload', () => {
	test('a PDF to the end of the page: upload link, PUT of the bytes without the token, then a file block with oss_name and size', async () => {
		const page = sandbox.addPage({ title: 'Release 1.0' });
		const { file, bytes } = randomFile('Release Notes.pdf', 'application/pdf', 5000);

		const { output, error } = await runBuildin(sandbox, { parameters: uploadTo(page.id) }, { files: [file] });

		expect(error).toBeUndefined();
		expect(apiCalls()).toEqual(['POST /v2/files/upload-url 200', `PATCH /v2/blocks/${page.id}/children 200`]);
		const [ask, append] = sandbox.requests;
		expect(ask.headers.authorization).toBe(`Bearer ${TOKEN}`);
		// The spec's field name, content_length; the doc page's `size` would be refused (README).
		expect(ask.body).toEqual({
			filename: 'Release Notes.pdf',
			content_type: 'application/pdf',
			content_length: 5000,
			parent: { type: 'page_id', page_id: page.id },
		});
		const [put] = sandbox.objectStore.requests;
		expect(put).toMatchObject({ method: 'PUT', status: 200, authorization: false, bytesReceived: 5000 });
		expect(put.headers['content-type']).toBe('application/pdf');
		expect(put.headers['content-length']).toBe('5000');
		expect(JSON.stringify(put.headers)).not.toContain(TOKEN);
		const stored = sandbox.objectStore.objects.get(put.key);
		expect(stored?.sha256).toBe(sha256(bytes));
		expect(append.body).toEqual({
			children: [{ object: 'block', type: 'file', file: { type: 'file', file: { oss_name: put.key, size: 5000, content_type: 'application/pdf' } } }],
		});
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ type: 'file', file: { type: 'file', file: { oss_name: put.key } } });
		expect(sandbox.childrenOf(page.id).map((block: Json) => block.id)).toEqual([output[0].json.id]);
	});

	test('an image after a given block becomes an image block (Auto), right after it', async () => {
		const page = sandbox.addPage({ title: 'Screenshots' });
		const [first, second] = sandbox.addBlocks(page.id, [
			{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Before' } }] } },
			{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'After' } }] } },
		]);
		const { file } = randomFile('screen.png', 'image/png', 70_000);

		const { output, error } = await runBuildin(
			sandbox,
			{ parameters: uploadTo(page.id, { position: 'after', siblingBlockId: first.id }) },
			{ files: [file] },
		);

		expect(error).toBeUndefined();
		expect(sandbox.requests[1].body).toMatchObject({ after: first.id, children: [{ type: 'image' }] });
		expect(sandbox.objectStore.requests[0].bytesReceived).toBe(70_000);
		expect(sandbox.childrenOf(page.id).map((block: Json) => block.id)).toEqual([first.id, output[0].json.id, second.id]);
	});

	test('Upload Only: the file is stored and its oss_name and size come out; no block is added', async () => {
		const page = sandbox.addPage({ title: 'Attachments' });
		const { file } = randomFile('data.csv', 'text/csv; charset=utf-8', 300);

		const { output, error } = await runBuildin(sandbox, { parameters: uploadTo(page.id, { destination: 'uploadOnly' }) }, { files: [file] });

		expect(error).toBeUndefined();
		expect(apiCalls()).toEqual(['POST /v2/files/upload-url 200']);
		const key = sandbox.objectStore.requests[0].key;
		expect(output[0].json).toEqual({ oss_name: key, size: 300, content_type: 'text/csv', filename: 'data.csv', page_id: page.id });
		expect(sandbox.objectStore.objects.get(key)?.size).toBe(300);
		expect(sandbox.childrenOf(page.id)).toEqual([]);
	});

	test('binary data kept in memory (n8n without filesystem mode) uploads the same; File Name and Content Type overrides win', async () => {
		const page = sandbox.addPage({ title: 'Memory' });
		const { file, bytes } = randomFile('blob.bin', 'application/x-unknown', 1234);
		await setBinaryDataMode('memory');
		try {
			const { error } = await runBuildin(
				sandbox,
				{ parameters: uploadTo(page.id, { options: { fileName: 'export.json', contentType: 'application/json' } }) },
				{ files: [file] },
			);
			expect(error).toBeUndefined();
		} finally {
			await setBinaryDataMode('filesystem');
		}
		expect(sandbox.requests[0].body).toMatchObject({ filename: 'export.json', content_type: 'application/json', content_length: 1234 });
		const put = sandbox.objectStore.requests[0];
		expect(put.headers['content-type']).toBe('application/json');
		expect(sandbox.objectStore.objects.get(put.key)?.sha256).toBe(sha256(bytes));
	});

	test('a content type Buildin refuses is refused before anything is sent, naming the field and the item', async () => {
		const page = sandbox.addPage({ title: 'P' });
		const { file } = randomFile('setup.exe', 'application/x-msdownload');

		const { error } = await runBuildin(sandbox, { parameters: uploadTo(page.id) }, { files: [file] });

		expect(error?.message).toBe('Input Binary Field "data" (MIME type) in item 0: "application/x-msdownload" is not a content type Buildin accepts for uploads');
		expect(error?.description).toContain('application/pdf');
		expect(sandbox.requests).toEqual([]);
		expect(sandbox.objectStore.requests).toEqual([]);
	});

	test('a file over 100 MB is refused before anything is sent', async () => {
		const page = sandbox.addPage({ title: 'P' });
		const dir = mkdtempSync(join(tmpdir(), 'buildin-oversize-'));
		const path = join(dir, 'huge.zip');
		// A sparse file: 100 MiB and one byte long, without writing 100 MiB.
		const fd = openSync(path, 'w');
		writeSync(fd, Buffer.from([1]), 0, 1, 100 * 1024 * 1024);
		closeSync(fd);
		try {
			const { error } = await runBuildin(sandbox, { parameters: uploadTo(page.id) }, { files: [{ fileName: 'huge.zip', mimeType: 'application/zip', path }] });
			expect(error?.message).toBe(`Input Binary Field "data" in item 0: is 100.0 MB (${100 * 1024 * 1024 + 1} bytes), over Buildin's 100 MB limit for uploads`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		expect(sandbox.requests).toEqual([]);
		expect(sandbox.objectStore.requests).toEqual([]);
	});

	test('an item without the binary field fails naming it and the item; nothing is sent', async () => {
		const page = sandbox.addPage({ title: 'P' });

		const { error } = await runBuildin(sandbox, { parameters: uploadTo(page.id, { binaryPropertyName: 'attachment' }) }, { files: [randomFile('a.txt', 'text/plain').file] });

		expect(error?.message).toContain("'attachment'");
		expect(error?.message).toContain('item 0');
		expect(sandbox.requests).toEqual([]);
	});

	test('a failed PUT leaves no block behind and says the file was not stored; continue-on-fail keeps every item paired', async () => {
		const page = sandbox.addPage({ title: 'P' });
		sandbox.objectStore.injectFault({ method: 'PUT', status: 500 });
		const files = [randomFile('one.txt', 'text/plain').file, randomFile('two.txt', 'text/plain').file];

		const { output, error } = await runBuildin(sandbox, { parameters: uploadTo(page.id), settings: { continueOnFail: true } }, { files });

		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(failureOf(output[0]).message).toMatch(/^Uploading the file to 127\.0\.0\.1:\d+ failed with 500 \(InternalError: Injected failure\)$/);
		expect(failureOf(output[0]).description).toContain('no block was added');
		expect(failureOf(output[0]).message).not.toContain('signature');
		expect(output[1].json.type).toBe('file');
		// One block, the second file's: the first item never appended anything.
		expect(sandbox.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
		expect(sandbox.childrenOf(page.id).map((block: Json) => block.id)).toEqual([output[1].json.id]);
	});

	test('without continue-on-fail a failed PUT stops the run before the block append', async () => {
		const page = sandbox.addPage({ title: 'P' });
		sandbox.objectStore.injectFault({ method: 'PUT', drop: true });

		const { error } = await runBuildin(sandbox, { parameters: uploadTo(page.id) }, { files: [randomFile('a.txt', 'text/plain').file] });

		expect(error?.message).toMatch(/^Uploading the file to 127\.0\.0\.1:\d+ failed: /);
		expect(apiCalls()).toEqual(['POST /v2/files/upload-url 200']);
		expect(sandbox.childrenOf(page.id)).toEqual([]);
	});

	test.each([
		['no upload_url', '{"object": "file_upload", "method": "PUT", "oss_name": "uploads/1"}', 'an upload link without a PUT upload_url'],
		['a POST link', '{"upload_url": "https://storage.example.com/u", "method": "POST", "oss_name": "uploads/1"}', 'an upload link without a PUT upload_url'],
		['no oss_name', '{"upload_url": "https://storage.example.com/u", "method": "PUT"}', 'an upload link without an oss_name'],
	])('an upload link answer with %s is an API error: nothing is uploaded, no block added', async (_what, body, problem) => {
		const page = sandbox.addPage({ title: 'P' });
		sandbox.injectFault({ method: 'POST', path: '/v2/files/upload-url', body, contentType: 'application/json' });

		const { error } = await runBuildin(sandbox, { parameters: uploadTo(page.id) }, { files: [randomFile('a.txt', 'text/plain').file] });

		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(new RegExp(`^Buildin answered 200 to POST /v2/files/upload-url with ${problem}(;|$)`));
		expect(apiCalls()).toEqual(['POST /v2/files/upload-url 200']);
		expect(sandbox.objectStore.requests).toEqual([]);
	});

	test('a block append answered without the block: the file is stored, and the error says to look for its block', async () => {
		const page = sandbox.addPage({ title: 'P' });
		sandbox.injectFault({
			method: 'PATCH',
			afterApp: true,
			body: '{"object": "list", "results": [], "has_more": false, "next_cursor": null}',
			contentType: 'application/json',
		});

		const { error } = await runBuildin(sandbox, { parameters: uploadTo(page.id) }, { files: [randomFile('a.txt', 'text/plain').file] });

		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Buildin answered the block append without the created block',
			description: expect.stringContaining('The file was uploaded'),
		});
		expect(sandbox.childrenOf(page.id)).toHaveLength(1);
	});

	test('Image with a non-image file is refused before anything is sent', async () => {
		const page = sandbox.addPage({ title: 'P' });

		const { error } = await runBuildin(sandbox, { parameters: uploadTo(page.id, { blockType: 'image' }) }, { files: [randomFile('a.pdf', 'application/pdf').file] });

		expect(error?.message).toBe('Block Type in item 0: Image needs an image content type, not application/pdf');
		expect(sandbox.requests).toEqual([]);
	});
});
