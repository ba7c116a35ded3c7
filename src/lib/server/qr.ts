import QRCode from 'qrcode';

/** Links whose code is kept; the least recently used go first (a server runs for months). */
const KEPT = 500;
const qrCodes = new Map<string, Promise<string>>();

/** Our own QR code of a link (a workshop's or a pulse's) as an SVG data URL, made once while kept. */
export function qrFor(url: string): Promise<string> {
	let svg = qrCodes.get(url);
	if (svg) qrCodes.delete(url);
	else {
		svg = QRCode.toString(url, {
			type: 'svg',
			errorCorrectionLevel: 'M',
			margin: 1,
			color: { dark: '#000000', light: '#ffffff' }
		}).then((s) => `data:image/svg+xml;base64,${Buffer.from(s).toString('base64')}`);
	}
	qrCodes.set(url, svg);
	if (qrCodes.size > KEPT) qrCodes.delete(qrCodes.keys().next().value!);
	return svg;
}

/** Codes kept now (tests). */
export function keptQrCodes(): number {
	return qrCodes.size;
}
