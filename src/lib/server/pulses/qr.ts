import QRCode from 'qrcode';

/** Our own QR code as an SVG data URL (never user content), made once per link. */
const qrCodes = new Map<string, Promise<string>>();

export function qrFor(url: string): Promise<string> {
	let svg = qrCodes.get(url);
	if (!svg) {
		svg = QRCode.toString(url, {
			type: 'svg',
			errorCorrectionLevel: 'M',
			margin: 1,
			color: { dark: '#000000', light: '#ffffff' }
		}).then((s) => `data:image/svg+xml;base64,${Buffer.from(s).toString('base64')}`);
		qrCodes.set(url, svg);
	}
	return svg;
}
