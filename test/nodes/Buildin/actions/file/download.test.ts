// File → Download through n8n's engine: an uploaded file through Buildin's temporary link, an external file from its
// URL, into n8n binary data byte for byte, without the token anywhere but Buildin's API.
import { byUrl, runBuildin, TOKEN, useSandbox } from '../../../../support/workflow';
import { bytesOf, downloadOf, randomFile, sha256, startFileHost, uploadTo } from './support';

const sandbox = useSandbox();

const compact = (id: string) => id.replace(/-/g, '');

/** A page with one uploaded file block, uploaded by the node itself. */
async function uploaded(fileName: string, mimeType: string, size = 4096) {
	const page = sandbox.addPage({ title: 'Files' });
	const { file, bytes } = randomFile(fileName, mimeType, size);
	const { output, error } = await runBuildin(sandbox, { parameters: uploadTo(page.id) }, { files: [file] });
	if (error) throw error;
	sandbox.reset();
	return { page, block: output[0].json, bytes };
}

describe('File → Download', () => {
	test('an uploaded PDF comes back byte-identical: block, download link, then the temporary link without the token', async () => {
		const { block, bytes } = await uploaded('Release Notes.pdf', 'application/pdf');

		const { output, error } = await runBuildin(sandbox, { parameters: downloadOf(String(block.id)) });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/blocks/' + block.id, 'GET /v2/files/download-url']);
		const ossName = (block.file as any).file.oss_name;
		expect(sandbox.requests[1].query).toEqual({ block_id: block.id, oss_name: ossName });
		expect(sandbox.objectStore.requests.map((r) => [r.method, r.status, r.authorization])).toEqual([['GET', 200, false]]);
		expect(JSON.stringify(sandbox.objectStore.requests[0].headers)).not.toContain(TOKEN);
		const [item] = output;
		expect(item.json).toEqual({
			block_id: block.id,
			block_type: 'file',
			source: 'file',
			file_name: 'Release Notes.pdf',
			mime_type: 'application/pdf',
			file_size: 4096,
		});
		expect(item.binary?.data).toMatchObject({ fileName: 'Release Notes.pdf', mimeType: 'application/pdf' });
		expect(sha256(await bytesOf(item.binary?.data))).toBe(sha256(bytes));
	});

	test('a Buildin URL with the block in the fragment, into another binary field', async () => {
		const { page, block, bytes } = await uploaded('photo.png', 'image/png');

		const { output, error } = await runBuildin(sandbox, {
			parameters: downloadOf(byUrl(`https://buildin.ai/docs/${compact(page.id)}#${compact(String(block.id))}`), { binaryPropertyName: 'photo' }),
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ block_type: 'image', mime_type: 'image/png' });
		expect((await bytesOf(output[0].binary?.photo)).equals(bytes)).toBe(true);
	});

	test('when the block as read carries no oss_name, its own temporary link is downloaded', async () => {
		const { block, bytes } = await uploaded('notes.txt', 'text/plain');
		sandbox.options.fileKeyOnRead = false;
		try {
			const { output, error } = await runBuildin(sandbox, { parameters: downloadOf(String(block.id)) });
			expect(error).toBeUndefined();
			expect(sandbox.requests.map((r) => r.path)).toEqual([`/v2/blocks/${block.id}`]);
			expect((await bytesOf(output[0].binary?.data)).equals(bytes)).toBe(true);
		} finally {
			sandbox.options.fileKeyOnRead = true;
		}
	});

	test('an external file is downloaded from its URL (following a redirect), with no token', async () => {
		const bytes = Buffer.from('%PDF-1.7 external report');
		const host = await startFileHost('report.pdf', bytes, 'application/pdf');
		try {
			const page = sandbox.addPage({ title: 'Links' });
			const [block] = sandbox.addBlocks(page.id, [{ type: 'file', file: { type: 'external', external: { url: `${host.url}/moved/report.pdf` } } }]);

			const { output, error } = await runBuildin(sandbox, { parameters: downloadOf(block.id) });

			expect(error).toBeUndefined();
			expect(sandbox.requests.map((r) => r.path)).toEqual([`/v2/blocks/${block.id}`]);
			expect(host.authorizations).toEqual([undefined, undefined]);
			expect(output[0].json).toMatchObject({ source: 'external', file_name: 'report.pdf', mime_type: 'application/pdf' });
			expect((await bytesOf(output[0].binary?.data)).equals(bytes)).toBe(true);
		} finally {
			await host.close();
		}
	});

	test('an expired temporary link fails clearly, without the signed link in the message', async () => {
		const { block } = await uploaded('a.txt', 'text/plain');
		sandbox.options.downloadTtlSeconds = -1;
		try {
			const { error } = await runBuildin(sandbox, { parameters: downloadOf(String(block.id)) });
			expect(error?.message).toMatch(/^Downloading the file from 127\.0\.0\.1:\d+ failed with 403 \(AccessDenied: Request has expired\)$/);
			expect(error?.description).toContain('Run the item again');
		} finally {
			sandbox.options.downloadTtlSeconds = 300;
		}
	});

	test('a download link answer without file.url is an API error, and nothing is downloaded', async () => {
		const { block } = await uploaded('a.txt', 'text/plain');
		sandbox.injectFault({ method: 'GET', path: '/v2/files/download-url', body: '{"object": "file", "file": {}}', contentType: 'application/json' });

		const { error } = await runBuildin(sandbox, { parameters: downloadOf(String(block.id)) });

		expect(error).toMatchObject({ name: 'NodeApiError', message: 'Buildin answered 200 to GET /v2/files/download-url with a download link without file.url' });
		expect(sandbox.objectStore.requests).toEqual([]);
	});

	test('a block without a file, and a page URL without a block, are refused', async () => {
		const page = sandbox.addPage({ title: 'Text' });
		const [paragraph] = sandbox.addBlocks(page.id, [{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'x' } }] } }]);

		const noFile = await runBuildin(sandbox, { parameters: downloadOf(paragraph.id) });
		expect(noFile.error?.message).toBe('Block in item 0: a paragraph block holds no file to download');

		sandbox.reset();
		const pageUrl = await runBuildin(sandbox, { parameters: downloadOf(byUrl(`https://buildin.ai/docs/${compact(page.id)}`)) });
		expect(pageUrl.error?.message).toContain('is the URL of a page, not of a block in it');
		expect(sandbox.requests).toEqual([]);
	});
});
