/**
 * A real SMTP server on loopback for the tests (npm `smtp-server`): it keeps every mail it
 * accepts, decoded enough to read, and can be told to refuse the next mails with an error.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	headers: Map<string, string>;
	text: string;
	raw: string;
}

export interface SmtpSink {
	url: string;
	mails: ReceivedMail[];
	/** Refuse the next `count` mails with a temporary error (451). */
	refuseNext(count: number): void;
	close(): Promise<void>;
}

function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(
			/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
			(_all, _charset, encoding: string, data: string) =>
				encoding.toUpperCase() === 'B'
					? Buffer.from(data, 'base64').toString('utf8')
					: decodeQuotedPrintable(data.replace(/_/g, ' '))
		);
}

function decodeQuotedPrintable(value: string): string {
	const bytes = value
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-Fa-f]{2})/g, (_all, hex: string) => `%${hex}`);
	// Percent-escape what is not already an escape, then let decodeURIComponent read UTF-8.
	return decodeURIComponent(bytes.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
}

/** Splits a raw message into its headers (unfolded, names in lower case) and decoded text. */
export function parseMail(raw: string): { headers: Map<string, string>; text: string } {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const body = raw.slice(split + 4);
	const headers = new Map<string, string>();
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':');
		headers.set(
			line.slice(0, colon).trim().toLowerCase(),
			decodeWords(line.slice(colon + 1).trim())
		);
	}
	const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
	const text =
		encoding === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding === 'base64'
				? Buffer.from(body, 'base64').toString('utf8')
				: body;
	return { headers, text: text.replace(/\r\n/g, '\n') };
}

export async function startSmtpSink(): Promise<SmtpSink> {
	const mails: ReceivedMail[] = [];
	let refusals = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				if (refusals > 0) {
					refusals--;
					const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
					callback(error);
					return;
				}
				const raw = Buffer.concat(chunks).toString('utf8');
				const { headers, text } = parseMail(raw);
				mails.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					subject: headers.get('subject') ?? '',
					headers,
					text,
					raw
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		refuseNext(count) {
			refusals = count;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
