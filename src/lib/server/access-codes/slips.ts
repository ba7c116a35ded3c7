/**
 * Printable slips for one-time codes: each code formatted for print, with a QR code of the link
 * that carries it after `#k=` (browsers never send the fragment, so it stays out of every log).
 */
import QRCode from 'qrcode';
import { formatAccessCode } from '../../domain/access-codes';

export interface Slip {
	/** The code as printed, `ABCDE-FGHJK`. */
	code: string;
	/** A data URL of the QR code's SVG. */
	qr: string;
}

/** Made for the one response that shows them; never cached or stored (qr.ts caches). */
export async function makeSlips(link: string, codes: string[]): Promise<Slip[]> {
	return Promise.all(
		codes.map(async (code) => ({
			code: formatAccessCode(code),
			qr: `data:image/svg+xml;base64,${Buffer.from(
				await QRCode.toString(`${link}#k=${code}`, {
					type: 'svg',
					errorCorrectionLevel: 'M',
					margin: 1
				})
			).toString('base64')}`
		}))
	);
}
