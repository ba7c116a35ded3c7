import { toCsv } from '../analytics/csv';

/**
 * A table of a page as a CSV download (src/lib/components/follow/tables.ts builds the cells as
 * the page shows them): UTF-8 with a byte-order mark for Excel, never cached.
 */
export function csvDownload(fileName: string, table: { header: string[]; rows: string[][] }) {
	return new Response(toCsv(table.header, table.rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
