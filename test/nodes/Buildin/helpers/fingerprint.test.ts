import { fingerprint, stableJson } from '../../../../nodes/Buildin/helpers/fingerprint';

describe('stableJson', () => {
	it('writes object keys in sorted order at every depth and leaves array order alone', () => {
		expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
		expect(stableJson({ a: { c: null, d: [2, 1] }, b: 1 })).toBe(stableJson({ b: 1, a: { d: [2, 1], c: null } }));
	});

	it('leaves out undefined fields, as JSON does', () => {
		expect(stableJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
		expect(stableJson(undefined)).toBe('null');
	});
});

describe('fingerprint', () => {
	it('is 11 URL-safe characters, equal for equal values whatever their key order, different otherwise', () => {
		const digest = fingerprint({ Status: 'Doing', Tags: ['a', 'b'] });
		expect(digest).toMatch(/^[A-Za-z0-9_-]{11}$/);
		expect(fingerprint({ Tags: ['a', 'b'], Status: 'Doing' })).toBe(digest);
		expect(fingerprint({ Status: 'Done', Tags: ['a', 'b'] })).not.toBe(digest);
		expect(fingerprint({ Status: 'Doing', Tags: ['b', 'a'] })).not.toBe(digest);
	});
});
