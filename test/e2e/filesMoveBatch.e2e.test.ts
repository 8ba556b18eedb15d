// File → Upload / Download, Page → Move and Database → Create or Update Records in Batch in a real n8n: the example
// workflows of examples/ run with `n8n execute` against the sandbox and its object store, once per pinned n8n line.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { N8n } from '../../harness/n8n';
import { describeEachLine } from './support/lines';
import { credentials, DATABASE_ID, exampleWorkflows, PAGE_ID } from './support/workflows';

const { startSandbox } = require('../../sandbox');
const { seedDemo, DEMO_ARCHIVE_PAGE_ID, DEMO_RETRO_PAGE_ID } = require('../../sandbox/seed');

type Item = { json: any; binary?: any };

const outputOf = (json: any, node: string): Item[] => json?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? [];
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The sample PDF the upload example downloads first: served here, since the tier reaches no outside host. */
async function startPdfHost(bytes: Buffer) {
	const server = http.createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bytes.length });
		res.end(bytes);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dummy.pdf`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describeEachLine('files', 'files, move and batches in n8n $n8n on Node $node', (line) => {
	let n8n: N8n;
	let sandbox: any;
	let pdfHost: Awaited<ReturnType<typeof startPdfHost>>;
	const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]);
	const examples = exampleWorkflows();

	beforeAll(async () => {
		n8n = new N8n(line);
		n8n.installPackage();
		sandbox = await startSandbox({ port: 0 });
		const { token } = seedDemo(sandbox);
		pdfHost = await startPdfHost(pdf);
		expect((await n8n.importCredentials(credentials(sandbox.url, token))).code).toBe(0);
		const upload = structuredClone(examples['upload-and-download-file']);
		upload.nodes.find((node: any) => node.name === 'Download Sample PDF').parameters.url = pdfHost.url;
		const imported = await n8n.importWorkflows([upload, examples['move-page'], examples['write-records-in-batch']]);
		expect(imported.code).toBe(0);
	});

	afterAll(async () => {
		await sandbox?.close();
		await pdfHost?.close();
		n8n?.cleanup();
	});

	beforeEach(() => sandbox.reset());

	it('HTTP Request → Upload to Page → Download Again: the PDF comes back byte-identical, and no token reached the object store', async () => {
		const result = await n8n.execute(examples['upload-and-download-file'].id);
		expect(result.code).toBe(0);
		expect(sandbox.requests.map((r: any) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /v2/files/upload-url 200',
			`PATCH /v2/blocks/${PAGE_ID}/children 200`,
			expect.stringMatching(/^GET \/v2\/blocks\/[0-9a-f-]{36} 200$/),
			'GET /v2/files/download-url 200',
		]);
		expect(sandbox.requests[0].body).toEqual({
			filename: 'Release Checklist.pdf',
			content_type: 'application/pdf',
			content_length: pdf.length,
			parent: { type: 'page_id', page_id: PAGE_ID },
		});
		expect(sandbox.objectStore.requests.map((r: any) => [r.method, r.status, r.authorization])).toEqual([
			['PUT', 200, false],
			['GET', 200, false],
		]);
		const [put] = sandbox.objectStore.requests;
		expect(sandbox.objectStore.objects.get(put.key).sha256).toBe(sha256(pdf));

		const original = outputOf(result.json, 'Hash Original')[0].json.sha256;
		const downloaded = outputOf(result.json, 'Hash Download')[0].json.sha256;
		expect(original).toBe(sha256(pdf));
		expect(downloaded).toBe(original);
		const [block] = outputOf(result.json, 'Upload to Page');
		expect(block.json).toMatchObject({ type: 'file', file: { type: 'file' } });
		expect(outputOf(result.json, 'Download Again')[0].json).toMatchObject({
			block_id: block.json.id,
			source: 'file',
			file_name: 'Release Checklist.pdf',
			mime_type: 'application/pdf',
		});
	});

	it('Move to Archive: the Q3 retrospective page moves under the Archive page', async () => {
		const result = await n8n.execute(examples['move-page'].id);
		expect(result.code).toBe(0);
		expect(sandbox.requests.map((r: any) => [r.method, r.path, r.status, r.body])).toEqual([
			['PATCH', `/v2/pages/${DEMO_RETRO_PAGE_ID}/move`, 200, { parent: { type: 'page_id', page_id: DEMO_ARCHIVE_PAGE_ID } }],
		]);
		expect(sandbox.getPage(DEMO_RETRO_PAGE_ID).parent).toEqual({ type: 'page_id', page_id: DEMO_ARCHIVE_PAGE_ID });
		expect(sandbox.childrenOf(DEMO_ARCHIVE_PAGE_ID).map((block: any) => block.id)).toEqual([DEMO_RETRO_PAGE_ID]);
		expect(outputOf(result.json, 'Move to Archive')[0].json).toMatchObject({ id: DEMO_RETRO_PAGE_ID, parent: { page_id: DEMO_ARCHIVE_PAGE_ID } });
	});

	it('Write Records in Batch: 250 records in three requests of 100, 100 and 50, every output item paired', async () => {
		const result = await n8n.execute(examples['write-records-in-batch'].id);
		expect(result.code).toBe(0);
		const writes = sandbox.requests.filter((r: any) => r.path === `/v2/databases/${DATABASE_ID}/mutations`);
		expect(writes.map((r: any) => [r.status, r.body.create_records.length])).toEqual([
			[200, 100],
			[200, 100],
			[200, 50],
		]);
		const output = outputOf(result.json, 'Write Records in Batch');
		expect(output).toHaveLength(250);
		expect(output.map((item: any) => item.pairedItem)).toEqual(Array.from({ length: 250 }, (_, i) => ({ item: i })));
		expect(output.map((item) => item.json.title)).toEqual(Array.from({ length: 250 }, (_, i) => `Release 0.${i + 1}`));
		expect(sandbox.getPage(output[0].json.id).properties.Status.select.name).toBe('Done');
	});
});
