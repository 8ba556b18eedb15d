import { baseUrlProblem, trimBaseUrl } from '../../../../nodes/Buildin/transport/baseUrl';

describe('baseUrlProblem', () => {
	it.each([
		'https://api.buildin.ai',
		'https://api.buildin.ai/',
		'https://buildin.internal.example.com:8443/api',
		'https://10.0.0.1',
	])('accepts the https URL %s', (url) => {
		expect(baseUrlProblem(url)).toBeUndefined();
	});

	it.each([
		'http://localhost',
		'http://localhost:3000',
		'http://api.localhost:8080',
		'http://127.0.0.1:4010',
		'http://127.1.2.3',
		'http://[::1]:8080',
	])('accepts plain http for the loopback host %s', (url) => {
		expect(baseUrlProblem(url)).toBeUndefined();
	});

	it.each([
		'http://example.com',
		'http://api.buildin.ai',
		'http://10.0.0.1',
		'http://192.168.1.20:8080',
		'http://0.0.0.0',
		'http://localhost.example.com',
		'http://127.0.0.1.nip.io',
	])('refuses plain http for the non-loopback host %s, saying the token would travel in clear text', (url) => {
		const problem = baseUrlProblem(url);
		expect(problem).toContain('clear text');
		expect(problem).toContain('https://');
		expect(problem).toContain(new URL(url).host);
	});

	it('refuses an ftp URL', () => {
		const problem = baseUrlProblem('ftp://files.example.com');
		expect(problem).toContain('does not start with https://');
		expect(problem).toContain('ftp://files.example.com');
	});

	it.each(['not a url', '', 'api.buildin.ai'])('refuses %j as not a URL, showing an https example', (text) => {
		const problem = baseUrlProblem(text);
		expect(problem).toBe(`The Base URL ${JSON.stringify(text)} is not a URL, e.g. https://api.buildin.ai`);
	});

	// Regression: "localhost:3000" (scheme forgotten) parses as a URL with the scheme "localhost:", whose origin is the
	// string "null", so the message reads "The Base URL null is not https://: ..." instead of naming what was entered.
	it('names what was entered when a scheme-less host:port is refused', () => {
		const problem = baseUrlProblem('localhost:3000');
		expect(problem).toBeDefined();
		expect(problem).toContain('localhost:3000');
	});
});

describe('trimBaseUrl', () => {
	it('strips one trailing slash', () => {
		expect(trimBaseUrl('https://api.buildin.ai/')).toBe('https://api.buildin.ai');
	});

	it('strips several trailing slashes', () => {
		expect(trimBaseUrl('https://api.buildin.ai///')).toBe('https://api.buildin.ai');
	});

	it('strips surrounding whitespace, then trailing slashes', () => {
		expect(trimBaseUrl('  https://example.com/api/ \n')).toBe('https://example.com/api');
	});

	it('leaves a URL without trailing slash as it is', () => {
		expect(trimBaseUrl('http://127.0.0.1:4010/buildin')).toBe('http://127.0.0.1:4010/buildin');
	});
});
