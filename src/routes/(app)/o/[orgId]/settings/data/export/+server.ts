import { orgAccess } from '$lib/server/auth/guards';
import { exportOrganisation } from '$lib/server/data/export';
import type { RequestHandler } from './$types';

/** The owner's download of everything the organisation holds (see data/export.ts). */
export const GET: RequestHandler = async (event) => {
	const { db, org } = await orgAccess(event, 'org.data');
	const data = await exportOrganisation(db, org);
	const slug =
		org.name
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.replace(/\s+/g, '-')
			.toLowerCase()
			.slice(0, 40) || 'organisation';
	return new Response(JSON.stringify(data, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="undercurrent-${slug}-${data.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
