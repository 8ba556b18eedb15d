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

/**
 * Where a request goes, as n8n's HTTP clients resolve it: its `url` (or `uri`, in n8n's older request options) when
 * absolute, otherwise joined to its `baseURL` the way axios joins them. Undefined when it names no server.
 */
export function requestTarget(options: { url?: unknown; uri?: unknown; baseURL?: unknown }): string | undefined {
	const url = [options.url, options.uri].find((value): value is string => typeof value === 'string' && value !== '');
	const absolute = /^[a-z][a-z0-9+.-]*:/i;
	if (url !== undefined && absolute.test(url)) return url;
	if (typeof options.baseURL !== 'string' || !absolute.test(options.baseURL)) return undefined;
	return url === undefined ? options.baseURL : `${options.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/**
 * Why the token must not go to `target`, or undefined when it may: only requests to the Base URL itself (the same
 * scheme, host and port, and a path below the Base URL's) carry it, so an HTTP Request node given the Buildin
 * credential cannot send the token to another server.
 */
export function targetProblem(baseUrl: string, target: string | undefined): string | undefined {
	const base = new URL(trimBaseUrl(baseUrl));
	const basePath = base.pathname.replace(/\/+$/, '');
	const where = `The Buildin API credential sends its token only to its Base URL (${base.origin}${basePath})`;
	if (target === undefined) return `${where}; this request names no server`;
	let url: URL;
	try {
		url = new URL(target);
	} catch {
		return `${where}; this request's URL is not a URL`;
	}
	const below = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
	if (url.origin === base.origin && below) return undefined;
	return `${where}; this request goes to ${url.origin}${url.origin === base.origin ? url.pathname : ''}. To call that server with a token, give it a credential of its own (or set this credential's Base URL to it)`;
}
