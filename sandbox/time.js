// @ts-check
'use strict';

/**
 * Strictly later than `previous`, even when called twice within one millisecond.
 * @param {string} [previous]
 */
function nextTimestamp(previous) {
	const floor = previous ? Date.parse(previous) + 1 : 0;
	return new Date(Math.max(Date.now(), floor)).toISOString();
}

module.exports = { nextTimestamp };
