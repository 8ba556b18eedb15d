// @ts-check
'use strict';

/**
 * The sandbox's clock: real time by default, or a time a test sets and moves (timing is then the test's to drive).
 * Timestamps come out at millisecond precision, each strictly later than the one it replaces, or at whole minutes
 * (Buildin's precision is undocumented; Notion's is the minute), where two edits within one minute carry the same
 * timestamp. A page written while a visibility lag is set is left out of queries and searches until the lag has
 * passed, as an index that catches up late would: a write made with a lag can appear after a later write made
 * without one, holding the older timestamp.
 * @typedef {'millisecond' | 'minute'} Precision
 */
function createClock() {
	/** @type {number | undefined} */
	let fixedMs;
	/** @type {Precision} */
	let precision = 'millisecond';
	let lagMs = 0;
	/** When each page's last write becomes visible, by the clock. */
	const visibleFrom = new Map();

	const now = () => fixedMs ?? Date.now();

	return {
		now,
		/** @param {number | string} time a time to stand still at, moved only by advance() */
		set(time) {
			fixedMs = typeof time === 'number' ? time : Date.parse(time);
		},
		/** @param {number} ms */
		advance(ms) {
			fixedMs = now() + ms;
		},
		/** @param {Precision} value */
		setPrecision(value) {
			precision = value;
		},
		/** @param {number} ms how long the pages written from now on stay out of queries and searches */
		setVisibilityLag(ms) {
			lagMs = ms;
		},
		/** Back to real time, millisecond precision and no lag. */
		reset() {
			fixedMs = undefined;
			precision = 'millisecond';
			lagMs = 0;
			visibleFrom.clear();
		},
		/**
		 * A timestamp for a write now: at millisecond precision strictly later than `previous` even within one
		 * millisecond, at minute precision the minute (never earlier than `previous`).
		 * @param {string} [previous]
		 */
		stamp(previous) {
			const previousMs = previous ? Date.parse(previous) : Number.NEGATIVE_INFINITY;
			const ms = precision === 'minute' ? Math.max(Math.floor(now() / 60_000) * 60_000, previousMs) : Math.max(now(), previousMs + 1);
			return new Date(ms).toISOString();
		},
		/** @param {string} id a page that was just written */
		wrote(id) {
			if (lagMs > 0) visibleFrom.set(id.toLowerCase(), now() + lagMs);
			else visibleFrom.delete(id.toLowerCase());
		},
		/** @param {string} id whether queries and searches show the page yet */
		visible(id) {
			return now() >= (visibleFrom.get(id.toLowerCase()) ?? Number.NEGATIVE_INFINITY);
		},
	};
}

/** @typedef {ReturnType<typeof createClock>} Clock */

module.exports = { createClock };
