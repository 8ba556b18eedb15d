// @ts-check
'use strict';

/** @type {import('../server').Route[]} */
module.exports = [
	{
		method: 'GET',
		path: '/v2/users/me',
		scope: null,
		handler: ({ token }) => ({ body: structuredClone(token.bot) }),
	},
];
