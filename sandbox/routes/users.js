// @ts-check
'use strict';

const { ApiError } = require('../errors');
const { userView } = require('../stores/users');

/** @param {import('../server').HandlerContext} ctx */
function getUser({ params, store, token }) {
	const user = store.findUser(params.user_id);
	if (user) return { body: userView(user, token.scopes.includes('users.email.read')) };
	// Integrations are workspace members too: a bot id (e.g. a page's last_edited_by) reads as a bot user.
	const bot = store.findBot(params.user_id);
	if (bot) return { body: { object: 'user', id: bot.id, type: 'bot', name: bot.name, avatar_url: null, bot: {} } };
	throw new ApiError(404, 'not_found', 'The user does not exist or is not in this workspace');
}

/** @type {import('../server').Route[]} */
module.exports = [
	{
		method: 'GET',
		path: '/v2/users/me',
		scope: null,
		handler: ({ token }) => ({ body: structuredClone(token.bot) }),
	},
	{ method: 'GET', path: '/v2/users/:user_id', scope: 'users.read', handler: getUser },
];
