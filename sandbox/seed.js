// @ts-check
'use strict';

const { SCOPES } = require('./store');

const DEMO_TOKEN = 'demo-token';
const DEMO_PAGE_ID = '11111111-1111-4111-8111-111111111111';
const DEMO_RECORD_ID = '22222222-2222-4222-8222-222222222222';
const DEMO_DATABASE_ID = '33333333-3333-4333-8333-333333333333';
const DEMO_PERSON_ID = '44444444-4444-4444-8444-444444444444';

/** @param {string} content */
const text = (content) => [{ type: 'text', text: { content } }];

/**
 * Demo data with fixed ids, so a demo script or a README can name them.
 * @param {import('./index').Sandbox} sb
 */
function seedDemo(sb) {
	sb.addToken(DEMO_TOKEN, [...SCOPES], { sharedPages: 'all', name: 'Demo Integration' });
	sb.addPage({
		id: DEMO_PAGE_ID,
		title: 'Release Checklist',
		icon: { type: 'emoji', emoji: '🚀' },
		cover: { type: 'external', external: { url: 'https://example.com/cover.png' } },
	});
	sb.addPage({
		id: DEMO_RECORD_ID,
		parent: { type: 'database_id', database_id: DEMO_DATABASE_ID },
		schema: {
			Name: 'title', Status: 'select', Tags: 'multi_select', Due: 'date', Estimate: 'number', Done: 'checkbox',
			Website: 'url', Contact: 'email', Phone: 'phone_number', Owner: 'people', Attachments: 'files',
			Related: 'relation', Notes: 'rich_text',
		},
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
	return { token: DEMO_TOKEN, pageId: DEMO_PAGE_ID, recordId: DEMO_RECORD_ID };
}

module.exports = { seedDemo, DEMO_DATABASE_ID, DEMO_PERSON_ID };
