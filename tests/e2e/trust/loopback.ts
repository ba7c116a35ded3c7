/**
 * Scripted clients for the attack tests: each connects from an address of its own on the
 * loopback network (127.0.0.x), so that the limits it spends are not those of 127.0.0.1, which
 * the rest of the e2e run shares.
 */
import http from 'node:http';

export interface Answer {
	status: number;
	body: string;
	cookies: string[];
}

/** A form post from `address`, as a browser without JavaScript (or with, when `enhanced`). */
export function client(origin: string, address: string) {
	const agent = new http.Agent({ keepAlive: true, localAddress: address });
	const post = (
		path: string,
		form: Record<string, string>,
		options: { cookie?: string; enhanced?: boolean } = {}
	) =>
		new Promise<Answer>((resolve, reject) => {
			const body = new URLSearchParams(form).toString();
			const url = new URL(path, origin);
			const request = http.request(
				{
					agent,
					host: url.hostname,
					port: url.port,
					path: url.pathname + url.search,
					method: 'POST',
					headers: {
						origin,
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': Buffer.byteLength(body),
						accept: options.enhanced ? 'application/json' : 'text/html',
						...(options.enhanced ? { 'x-sveltekit-action': 'true' } : {}),
						...(options.cookie ? { cookie: options.cookie } : {})
					}
				},
				(response) => {
					let text = '';
					response.setEncoding('utf8');
					response.on('data', (chunk) => (text += chunk));
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							body: text,
							cookies: (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0])
						})
					);
				}
			);
			request.on('error', reject);
			request.end(body);
		});
	return { post, close: () => agent.destroy() };
}

/** Statuses of a run of requests, counted: `{ 303: 60, 429: 140 }`. */
export const tally = (answers: Answer[]) =>
	answers.reduce<Record<number, number>>(
		(counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }),
		{}
	);

/** Loopback addresses of this run's own, away from 127.0.0.1. */
const base = 2 + Math.floor(Math.random() * 200);
export const address = (i: number) => `127.0.0.${base + i}`;
