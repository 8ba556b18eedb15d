// What a person sees in n8n's editor, read through Debian's Chromium driven by playwright-core.
import { join } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { ROOT } from '../../../harness/n8n';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium tries to reach Google's hosts, which this network refuses.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface EditorReport {
	/** The node's icon on the canvas failed to load or is n8n's "?" fallback. */
	iconIsPlaceholder: boolean;
	iconSrc: string | null;
	/** Labels of the node panel's parameters, as shown. */
	fields: string[];
	locatorModes: string[];
	emojiFieldWithEmoji: boolean;
	emojiFieldWithRemove: boolean;
}

async function chooseOption(page: Page, parameter: string, option: string): Promise<void> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	await page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').filter({ hasText: option }).first().click();
	await page.waitForTimeout(300);
}

async function visibleOptions(page: Page): Promise<string[]> {
	const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
	// The dropdown opens after the click, later on a busy machine; then its items render together.
	await options.first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(300);
	return await options.allTextContents();
}

interface EditorOptions {
	baseUrl: string;
	owner: { email: string; password: string };
	workflowId: string;
	nodeName: string;
	screenshots: boolean;
}

/** Signs in and opens the workflow on the canvas; returns the node and whether its icon loaded. */
async function openWorkflow(page: Page, options: EditorOptions) {
	await page.goto(`${options.baseUrl}/signin`);
	await page.fill('input[name="emailOrLdapLoginId"]', options.owner.email);
	await page.fill('input[name="password"]', options.owner.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });

	await page.goto(`${options.baseUrl}/workflow/${options.workflowId}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${options.nodeName}"]`);
	await node.waitFor({ timeout: 60_000 });
	// The canvas shows the node before its icon has loaded (seconds later on a busy machine): wait for the image.
	const icon = node.locator('img').first();
	const iconLoaded = await icon
		.waitFor({ timeout: 30_000 })
		.then(
			async () =>
				await icon.evaluate(
					(element) =>
						new Promise<boolean>((resolve) => {
							const img = element as unknown as {
								complete: boolean;
								naturalWidth: number;
								addEventListener: (event: string, listener: () => void) => void;
							};
							if (img.complete) return resolve(img.naturalWidth > 0);
							img.addEventListener('load', () => resolve(img.naturalWidth > 0));
							img.addEventListener('error', () => resolve(false));
							setTimeout(() => resolve(false), 30_000);
						}),
				),
		)
		.catch(() => false);
	const iconSrc = (await icon.count()) > 0 ? await icon.getAttribute('src') : null;
	return { node, iconSrc, iconIsPlaceholder: !iconLoaded || !/buildin/i.test(iconSrc ?? '') };
}

/** Opens the node's parameter panel (double click) once `parameter` is shown; returns the labels of its parameters. */
async function openPanel(page: Page, node: ReturnType<Page['locator']>, parameter: string): Promise<string[]> {
	await node.dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).waitFor();
	return (await page.locator('[data-test-id="ndv"] [data-test-id="parameter-item"] label').allTextContents()).map((label) =>
		label.replace(/FixedExpression$/, '').trim(),
	);
}

/** Signs in, opens the workflow, opens the node's panel and reports what it shows; optionally saves screenshots to docs/. */
export async function checkEditor(options: EditorOptions): Promise<EditorReport> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const { node, iconSrc, iconIsPlaceholder } = await openWorkflow(page, options);
		if (options.screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'editor-canvas.png') });
		const fields = await openPanel(page, node, 'pageId');

		await page.locator('[data-test-id="rlc-mode-selector"]').click();
		const locatorModes = await visibleOptions(page);
		await page.keyboard.press('Escape');

		await chooseOption(page, 'icon', 'Emoji');
		const emojiFieldWithEmoji = await page
			.locator('[data-test-id="parameter-input-iconEmoji"]')
			.waitFor({ timeout: 30_000 })
			.then(() => true, () => false);
		if (options.screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'editor-update-page.png') });
		await chooseOption(page, 'icon', 'Remove');
		const emojiField = page.locator('[data-test-id="parameter-input-iconEmoji"]');
		// The panel re-renders after the choice; give the field time to go before concluding it stayed.
		await emojiField.waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
		const emojiFieldWithRemove = (await emojiField.count()) > 0;

		return {
			iconIsPlaceholder,
			iconSrc,
			fields,
			locatorModes,
			emojiFieldWithEmoji,
			emojiFieldWithRemove,
		};
	} finally {
		await browser.close();
	}
}

export interface TriggerEditorReport {
	iconIsPlaceholder: boolean;
	/** Labels of the trigger panel's parameters, as shown. */
	fields: string[];
	/** The Event parameter's choices, as listed. */
	events: string[];
	/** What Watch Properties shows once the database's properties have loaded from Buildin. */
	watched: string;
}

/** Opens the Buildin Trigger's panel and reports what it shows; optionally saves docs/editor-trigger.png. */
export async function checkTriggerEditor(options: EditorOptions): Promise<TriggerEditorReport> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const { node, iconIsPlaceholder } = await openWorkflow(page, options);
		const fields = await openPanel(page, node, 'event');
		// The chosen properties show by name once the editor has loaded the database's schema from Buildin.
		const watchField = page.locator('[data-test-id="parameter-input-watchProperties"]');
		await watchField.getByText('Status').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
		const watched = (await watchField.innerText()).trim();
		if (options.screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'editor-trigger.png') });
		await page.locator('[data-test-id="parameter-input-event"]').click();
		const events = await visibleOptions(page);
		await page.keyboard.press('Escape');
		return { iconIsPlaceholder, fields, events, watched };
	} finally {
		await browser.close();
	}
}

/**
 * Opens an HTTP Request node set to Authentication → Predefined Credential Type and reports the Credential Type
 * choices the editor lists for `search` (typed into the list's filter, as a person would).
 */
export async function predefinedCredentialTypes(options: Omit<EditorOptions, 'screenshots'> & { search: string }): Promise<string[]> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const { node } = await openWorkflow(page, { ...options, screenshots: false });
		await openPanel(page, node, 'nodeCredentialType');
		await page.locator('[data-test-id="parameter-input-nodeCredentialType"] [data-test-id="credential-select"] input').click();
		await page.keyboard.type(options.search);
		// The list shows every credential type the node accepts; typing filters it, as a person looking for one does.
		const listed = page.locator('[data-test-id="credential-select-option"]:visible');
		await listed.first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(300);
		return (await listed.allTextContents()).map((option) => option.trim());
	} finally {
		await browser.close();
	}
}
