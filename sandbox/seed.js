// @ts-check
'use strict';

const { SCOPES } = require('./store');

const DEMO_TOKEN = 'demo-token';
const DEMO_PAGE_ID = '11111111-1111-4111-8111-111111111111';
const DEMO_RECORD_ID = '22222222-2222-4222-8222-222222222222';
const DEMO_DATABASE_ID = '33333333-3333-4333-8333-333333333333';
const DEMO_PERSON_ID = '44444444-4444-4444-8444-444444444444';
const DEMO_SECOND_RECORD_ID = '66666666-6666-4666-8666-666666666666';
/** A page to move (Page → Move example) and the page it moves under. */
const DEMO_RETRO_PAGE_ID = '77777777-7777-4777-8777-777777777777';
const DEMO_ARCHIVE_PAGE_ID = '88888888-8888-4888-8888-888888888888';

/** @param {string} content */
const text = (content) => [{ type: 'text', text: { content } }];
/** @param {string} type @param {string} content @param {Record<string, unknown>} [extra] */
const block = (type, content, extra = {}) => ({ type, [type]: { rich_text: text(content), ...extra } });

/** The Releases database: one property of every writable type. */
const RELEASES_SCHEMA = {
	Name: { type: 'title' },
	Status: { type: 'select', select: { options: [{ name: 'Todo', color: 'gray' }, { name: 'Doing', color: 'blue' }, { name: 'Done', color: 'green' }] } },
	Tags: { type: 'multi_select', multi_select: { options: [{ name: 'release', color: 'green' }, { name: 'backend' }] } },
	Due: { type: 'date' },
	Estimate: { type: 'number', number: { format: 'number' } },
	Done: { type: 'checkbox' },
	Website: { type: 'url' },
	Contact: { type: 'email' },
	Phone: { type: 'phone_number' },
	Owner: { type: 'people' },
	Attachments: { type: 'files' },
	Related: { type: 'relation', relation: { database_id: DEMO_DATABASE_ID } },
	Notes: { type: 'rich_text' },
};

/**
 * Demo data with fixed ids, so a demo script or a README can name them: a page with a few blocks, the Releases
 * database with two records, and the person Alex Chen.
 * @param {import('./index').Sandbox} sb
 */
function seedDemo(sb) {
	sb.addToken(DEMO_TOKEN, [...SCOPES], { sharedPages: 'all', name: 'Demo Integration' });
	sb.addUser({ id: DEMO_PERSON_ID, name: 'Alex Chen', email: 'alex@example.com', avatarUrl: 'https://example.com/avatar.png' });
	sb.addPage({
		id: DEMO_PAGE_ID,
		title: 'Release Checklist',
		icon: { type: 'emoji', emoji: '🚀' },
		cover: { type: 'external', external: { url: 'https://example.com/cover.png' } },
	});
	sb.addBlocks(DEMO_PAGE_ID, [
		block('heading_2', 'Before the release'),
		block('paragraph', 'Work through this list before tagging a version.'),
		block('to_do', 'Update the changelog', { checked: false }),
		block('bulleted_list_item', 'Run the end-to-end tests'),
		block('bulleted_list_item', 'Tag the release'),
	]);
	sb.addDatabase({
		id: DEMO_DATABASE_ID,
		title: 'Releases',
		description: 'One record per version.',
		icon: { type: 'emoji', emoji: '📦' },
		properties: RELEASES_SCHEMA,
	});
	sb.addPage({
		id: DEMO_RECORD_ID,
		parent: { type: 'database_id', database_id: DEMO_DATABASE_ID },
		properties: {
			Name: { title: text('Ship v1.0') },
			Status: { select: { name: 'Doing', color: 'blue' } },
			Tags: { multi_select: [{ name: 'release', color: 'green' }, { name: 'backend' }] },
			Due: { date: { start: '2026-04-30', end: null, time_zone: null } },
			Estimate: { number: 5 },
			Done: { checkbox: false },
			Website: { url: 'https://example.com' },
			Contact: { email: 'alex@example.com' },
			Phone: { phone_number: '+1 555 0100' },
			Owner: { people: [{ object: 'user', id: DEMO_PERSON_ID }] },
			Attachments: { files: [{ name: 'spec.pdf', type: 'external', external: { url: 'https://example.com/spec.pdf' } }] },
			Related: { relation: [{ id: DEMO_PAGE_ID }] },
			Notes: { rich_text: text('Waiting for the changelog.') },
		},
	});
	sb.addPage({
		id: DEMO_SECOND_RECORD_ID,
		parent: { type: 'database_id', database_id: DEMO_DATABASE_ID },
		properties: {
			Name: { title: text('Write the release notes') },
			Status: { select: { name: 'Todo' } },
			Tags: { multi_select: [{ name: 'release' }] },
			Due: { date: { start: '2026-04-28', end: null, time_zone: null } },
			Estimate: { number: 2 },
			Done: { checkbox: false },
			Owner: { people: [{ object: 'user', id: DEMO_PERSON_ID }] },
			Related: { relation: [{ id: DEMO_RECORD_ID }] },
		},
	});
	sb.addPage({ id: DEMO_ARCHIVE_PAGE_ID, title: 'Archive', icon: { type: 'emoji', emoji: '🗄️' } });
	sb.addPage({ id: DEMO_RETRO_PAGE_ID, title: 'Q3 retrospective' });
	return {
		token: DEMO_TOKEN,
		pageId: DEMO_PAGE_ID,
		recordId: DEMO_RECORD_ID,
		databaseId: DEMO_DATABASE_ID,
		personId: DEMO_PERSON_ID,
		secondRecordId: DEMO_SECOND_RECORD_ID,
		retroPageId: DEMO_RETRO_PAGE_ID,
		archivePageId: DEMO_ARCHIVE_PAGE_ID,
	};
}

module.exports = { seedDemo, DEMO_DATABASE_ID, DEMO_PERSON_ID, DEMO_SECOND_RECORD_ID, DEMO_RETRO_PAGE_ID, DEMO_ARCHIVE_PAGE_ID };
