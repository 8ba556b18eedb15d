// @ts-check
'use strict';

const { randomUUID } = require('node:crypto');
const { isUuid } = require('../validate');

/**
 * People of the workspace (https://buildin.ai/developer-api/v2/reference/object-models). Bots are the tokens' bot users
 * and are read from there.
 * @typedef {{ id: string, name: string, email: string | null, avatarUrl: string | null }} UserRecord
 */

/** @param {{ users: Map<string, UserRecord> }} data */
function createUsers(data) {
	/**
	 * Test/seed helper; returns the user as GET /v2/users/:id shows it to a token with users.email.read.
	 * @param {{ id?: string, name: string, email?: string | null, avatarUrl?: string | null }} opts
	 */
	function addUser(opts) {
		const id = (opts.id ?? randomUUID()).toLowerCase();
		if (!isUuid(id)) throw new Error(`sandbox: user id ${id} is not a dashed uuid`);
		if (data.users.has(id)) throw new Error(`sandbox: user ${id} exists already`);
		if (typeof opts.name !== 'string') throw new Error('sandbox: a user needs a name');
		const user = { id, name: opts.name, email: opts.email ?? null, avatarUrl: opts.avatarUrl ?? null };
		data.users.set(id, user);
		return userView(user, true);
	}

	/** @param {string} id */
	function findUser(id) {
		return data.users.get(id.toLowerCase());
	}

	return { addUser, findUser };
}

/**
 * The `user` object; `person.email` is null unless the caller may read emails.
 * @param {UserRecord} user @param {boolean} withEmail
 */
function userView(user, withEmail) {
	return {
		object: 'user',
		id: user.id,
		type: 'person',
		name: user.name,
		avatar_url: user.avatarUrl,
		person: { email: withEmail ? user.email : null },
	};
}

module.exports = { createUsers, userView };
