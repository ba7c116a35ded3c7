/**
 * A small CSV writer (RFC 4180) for the exports: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, and a byte-order mark first so that Excel reads
 * the file as UTF-8 (Dutch characters intact; LibreOffice reads it either way).
 *
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) gets a leading apostrophe: value names are typed by users, and a name like
 * `=HYPERLINK(…)` must stay text (OWASP, "CSV Injection"). Numbers are written as they are.
 */
export type Cell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

function field(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') {
		if (!Number.isFinite(cell)) throw new RangeError(`not a finite number: ${cell}`);
		return String(cell);
	}
	if (typeof cell === 'boolean') return cell ? 'true' : 'false';
	const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as a CSV file's text, header first, with the byte-order mark. */
export function toCsv(header: string[], rows: Cell[][]): string {
	const lines = [header, ...rows].map((row) => row.map(field).join(','));
	return `${BOM}${lines.join('\r\n')}\r\n`;
}
