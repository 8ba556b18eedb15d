// @ts-check
'use strict';

/**
 * Markdown export and import of page content (https://buildin.ai/developer-api/v2/write/markdown-read-write). Supported
 * blocks: paragraph, heading_1-3, bulleted/numbered list items, to_do, quote, code (with language), divider; others
 * export as `<!-- unsupported: type -->` and such comments are skipped on import. Inline: **bold**, *italic*,
 * ~~strike~~, `code`, [links](https://...).
 */

const { RICH_TEXT_MAX } = require('./validate');

const LIST_TYPES = ['bulleted_list_item', 'numbered_list_item', 'to_do'];
const PLAIN_LANGUAGE = 'plain text';

/** @param {Record<string, any>} item one rich text item in read shape */
function inlineMarkdown(item) {
	let t = item.plain_text ?? '';
	if (t === '') return t;
	const a = item.annotations ?? {};
	if (a.code) t = `\`${t}\``;
	if (a.bold) t = `**${t}**`;
	if (a.italic) t = `*${t}*`;
	if (a.strikethrough) t = `~~${t}~~`;
	if (item.href) t = `[${t}](${item.href})`;
	return t;
}

/** @param {unknown[] | undefined} richText */
function textOf(richText) {
	return (richText ?? []).map((i) => inlineMarkdown(/** @type {Record<string, any>} */ (i))).join('');
}

/** @param {string} text @param {string} indent */
const indentLines = (text, indent) => text.split('\n').map((l) => (l === '' ? l : indent + l)).join('\n');

/**
 * @param {Array<Record<string, any>>} blocks direct children, in order, trashed ones already left out
 * @param {(id: string) => Array<Record<string, any>>} childrenOf
 * @returns {string}
 */
function renderMarkdown(blocks, childrenOf) {
	/** @type {Array<{ text: string, list: string | false }>} */
	const chunks = [];
	let number = 0;
	for (const block of blocks) {
		const c = block[block.type] ?? {};
		const text = textOf(c.rich_text);
		number = block.type === 'numbered_list_item' ? number + 1 : 0;
		/** @type {string} */
		let out;
		let marker = '';
		switch (block.type) {
			case 'paragraph': out = text; break;
			case 'heading_1': case 'heading_2': case 'heading_3': out = `${'#'.repeat(Number(block.type.slice(-1)))} ${text}`; break;
			case 'bulleted_list_item': marker = '- '; out = marker + text; break;
			case 'numbered_list_item': marker = `${number}. `; out = marker + text; break;
			case 'to_do': marker = '- '; out = `- [${c.checked ? 'x' : ' '}] ${text}`; break;
			case 'quote': out = text.split('\n').map((l) => `> ${l}`).join('\n'); break;
			case 'code': {
				const plain = (c.rich_text ?? []).map((/** @type {any} */ i) => i.plain_text ?? '').join('');
				out = `\`\`\`${c.language && c.language !== PLAIN_LANGUAGE ? c.language : ''}\n${plain}\n\`\`\``;
				break;
			}
			case 'divider': out = '---'; break;
			default: out = `<!-- unsupported: ${block.type} -->`;
		}
		// Items of one kind of list stay together; anything else is set apart by a blank line.
		const list = LIST_TYPES.includes(block.type) && (block.type === 'numbered_list_item' ? 'ol' : 'ul');
		const supported = !out.startsWith('<!-- unsupported');
		const kids = supported && block.has_children ? childrenOf(block.id) : [];
		if (kids.length) {
			const inner = renderMarkdown(kids, childrenOf);
			if (list) {
				out += `\n${indentLines(inner, ' '.repeat(marker.length))}`;
			} else {
				// Children of other blocks follow them at the same level.
				chunks.push({ text: out, list });
				out = inner;
			}
		}
		chunks.push({ text: out, list });
	}
	return chunks.reduce((acc, chunk, i) => (i === 0 ? chunk.text : acc + (chunk.list && chunks[i - 1].list === chunk.list ? '\n' : '\n\n') + chunk.text), '');
}

/**
 * Rich text (write shape) from inline Markdown, each item at most 2000 characters.
 * @param {string} s
 */
function parseInline(s) {
	/** @type {Array<Record<string, any>>} */
	const out = [];
	/** @param {string} content @param {Record<string, boolean>} [annotations] @param {string} [url] */
	const push = (content, annotations, url) => {
		for (let i = 0; i < content.length; i += RICH_TEXT_MAX) {
			/** @type {Record<string, any>} */
			const item = { type: 'text', text: { content: content.slice(i, i + RICH_TEXT_MAX) } };
			if (url) item.text.link = { url };
			if (annotations) item.annotations = annotations;
			out.push(item);
		}
	};
	const re = /\*\*([^*]+)\*\*|~~([^~]+)~~|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|\*([^*\s][^*]*)\*|(?<![\p{L}\p{N}_])_([^_]+)_(?![\p{L}\p{N}_])/gu;
	let last = 0;
	for (const m of s.matchAll(re)) {
		if (m.index > last) push(s.slice(last, m.index));
		if (m[1] !== undefined) push(m[1], { bold: true });
		else if (m[2] !== undefined) push(m[2], { strikethrough: true });
		else if (m[3] !== undefined) push(m[3], { code: true });
		else if (m[4] !== undefined) push(m[4], undefined, m[5]);
		else push(m[6] ?? m[7], { italic: true });
		last = m.index + m[0].length;
	}
	if (last < s.length) push(s.slice(last));
	return out;
}

/** @param {string} type @param {string} text @param {Record<string, unknown>} [extra] @returns {Record<string, any>} */
const textBlock = (type, text, extra = {}) => ({ type, [type]: { rich_text: parseInline(text), ...extra } });

const FENCE = /^(`{3,}|~{3,})\s*([^`\s]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const DIVIDER = /^(?:-{3,}|\*{3,}|_{3,})$/;
const TODO = /^[-*+]\s+\[([ xX])\]\s+(.*)$/;
const BULLET = /^[-*+]\s+(.*)$/;
const NUMBERED = /^\d+[.)]\s+(.*)$/;
const QUOTE = /^>\s?(.*)$/;
const COMMENT = /^<!--.*-->$/;

/** @param {string} s */
const startsBlock = (s) => [FENCE, HEADING, DIVIDER, BULLET, NUMBERED, QUOTE, COMMENT].some((re) => re.test(s));

/**
 * BlockInput objects from Markdown. Indented lines under a list item become its children.
 * @param {string} markdown @returns {Array<Record<string, any>>}
 */
function parseMarkdown(markdown) {
	const lines = markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
	/** @type {Array<Record<string, any>>} */
	const root = [];
	/** @type {Array<{ indent: number, children: Array<Record<string, any>> }>} */
	let stack = [{ indent: -1, children: root }];
	let i = 0;
	while (i < lines.length) {
		const line = lines[i];
		const content = line.trimStart();
		const indent = line.length - content.length;
		i += 1;
		if (content.trim() === '') continue;
		const body = content.trimEnd();

		const item = TODO.exec(body) ?? BULLET.exec(body) ?? NUMBERED.exec(body);
		if (item && !DIVIDER.test(body)) {
			while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
			const todo = TODO.exec(body);
			const block = todo
				? textBlock('to_do', todo[2], { checked: todo[1] !== ' ' })
				: textBlock(BULLET.test(body) ? 'bulleted_list_item' : 'numbered_list_item', item[1]);
			block.children = [];
			stack[stack.length - 1].children.push(block);
			stack.push({ indent, children: block.children });
			continue;
		}
		// Any other line nests under the open list item it is indented under, or ends the list.
		while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
		if (stack.length > 1 && indent === 0) stack = [stack[0]];
		const into = stack[stack.length - 1].children;

		const fence = FENCE.exec(body);
		if (fence) {
			const code = [];
			while (i < lines.length && lines[i].trim() !== fence[1]) {
				const raw = lines[i++];
				code.push(raw.slice(Math.min(indent, raw.length - raw.trimStart().length)));
			}
			i += 1; // the closing fence
			const text = code.join('\n');
			/** @type {Array<Record<string, any>>} */
			const rich = [];
			for (let k = 0; k < text.length; k += RICH_TEXT_MAX) rich.push({ type: 'text', text: { content: text.slice(k, k + RICH_TEXT_MAX) } });
			into.push({ type: 'code', code: { rich_text: rich, language: fence[2] || PLAIN_LANGUAGE } });
			continue;
		}
		if (COMMENT.test(body)) continue;
		if (DIVIDER.test(body)) {
			into.push({ type: 'divider', divider: {} });
			continue;
		}
		const heading = HEADING.exec(body);
		if (heading) {
			into.push(textBlock(`heading_${Math.min(heading[1].length, 3)}`, heading[2].replace(/\s+#+\s*$/, '')));
			continue;
		}
		if (QUOTE.test(body)) {
			const quoted = [/** @type {RegExpExecArray} */ (QUOTE.exec(body))[1]];
			while (i < lines.length && QUOTE.test(lines[i].trim())) quoted.push(/** @type {RegExpExecArray} */ (QUOTE.exec(lines[i++].trim()))[1]);
			into.push(textBlock('quote', quoted.join('\n')));
			continue;
		}
		const paragraph = [body];
		while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i].trim())) paragraph.push(lines[i++].trim());
		into.push(textBlock('paragraph', paragraph.join('\n')));
	}
	return root;
}

module.exports = { renderMarkdown, parseMarkdown, parseInline };
