export const DEFAULT_BASE_URL = 'https://api.buildin.ai';

function isLoopback(hostname: string): boolean {
	return (
		hostname === 'localhost' ||
		hostname.endsWith('.localhost') ||
		hostname === '[::1]' ||
		/^127(?:\.\d{1,3}){3}$/.test(hostname)
	);
}

/**
 * Why a credential's Base URL cannot carry the token, or undefined when it can: the token travels in a header, so
 * anything but https is refused unless the server is on this machine (tests, the sandbox, a local proxy).
 */
export function baseUrlProblem(baseUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		return `The Base URL ${JSON.stringify(baseUrl)} is not a URL, e.g. https://api.buildin.ai`;
	}
	if (url.protocol === 'https:') return undefined;
	if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
	if (url.protocol !== 'http:') {
		return `The Base URL ${JSON.stringify(baseUrl)} does not start with https://, e.g. https://api.buildin.ai`;
	}
	return `The Base URL ${url.origin} is not https://: the API token would travel in clear text. Use https:// (plain http:// is allowed only for localhost)`;
}

/** The Base URL without trailing slashes, so paths can be appended. */
export function trimBaseUrl(baseUrl: string): string {
	return baseUrl.trim().replace(/\/+$/, '');
}
