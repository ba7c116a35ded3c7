import { createClient } from '@libsql/client';
import type { APIRequestContext } from '@playwright/test';
import { newAccountDetails, signUpByRequest } from '../accounts';
import {
	createTeamByRequest,
	expectStatus,
	postForm,
	postJson,
	requestAs,
	type RequestFactory
} from '../requests';
import { DB, joinDevice } from '../trust/room';

/**
 * A started workshop with phones in it, scripted over HTTP, for the tests of what the room
 * writes (cards, outsider posts) and what becomes of it afterwards.
 */

/** Reads the e2e database behind the pages. */
export async function query<T>(sql: string, args: (string | number | null)[] = []): Promise<T[]> {
	const client = createClient({ url: DB, timeout: 5000 });
	try {
		return (await client.execute({ sql, args })).rows as unknown as T[];
	} finally {
		client.close();
	}
}

export interface ActivityRow {
	id: string;
	position: number;
	kind: string;
	title: string;
	config: string;
}

/**
 * An owner with a team (and `values` on its map, under the current lens), a workshop from
 * `template` (the full one unless said) in `language` (the team's, English, unless said),
 * started, and `phones` joined devices.
 */
export async function startedWorkshop(
	factory: RequestFactory,
	origin: string,
	label: string,
	{
		values = [],
		phones: count = 5,
		template = 'full_alignment',
		language
	}: { values?: string[]; phones?: number; template?: string; language?: 'en' | 'nl' } = {}
) {
	const owner = await signUpByRequest(
		await requestAs(factory, origin),
		origin,
		newAccountDetails(label.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
	);
	const staff = await requestAs(factory, origin, { session: owner.sessionToken });
	const unique = owner.email.split('@')[0].slice(-8);
	const teamId = await createTeamByRequest(staff, origin, owner.orgId, `${label} ${unique}`);
	const teamPath = `/o/${owner.orgId}/t/${teamId}`;
	for (const name of values) {
		const made = await postForm(staff, origin, `${teamPath}/map?/createValue`, {
			name,
			lens_current: 'on'
		});
		expectStatus(made, 200, `creating the value ${name}`);
	}
	const title = `${label} ${unique}`;
	const created = await postForm(staff, origin, `${teamPath}/workshops?/create`, {
		title,
		template,
		...(language ? { language } : {})
	});
	expectStatus(created, 303, 'creating the workshop');
	const url = created.location;
	const id = url.split('/').pop()!;
	const [{ joinCode }] = await query<{ joinCode: string }>(
		'select join_code as joinCode from workshops where id = ?',
		[id]
	);
	const activities = await query<ActivityRow>(
		'select id, position, kind, title, config from activities where workshop_id = ? order by position',
		[id]
	);
	/** The first activity of a kind (and lens, for collect activities). */
	const find = (kind: string, lens?: string) =>
		activities.find((a) => a.kind === kind && (!lens || JSON.parse(a.config).lens === lens))!;
	const pace = async (command: Record<string, unknown>) =>
		expectStatus(await postJson(staff, origin, `/live/${id}/pace`, command), 200, 'pacing');
	await pace({ type: 'start' });

	const workshop = { owner, staff, id, joinCode, url };
	const phones: APIRequestContext[] = [];
	for (let i = 0; i < count; i++) {
		const joined = await joinDevice(factory, origin, workshop, { nickname: `Phone${i}x` });
		if (!joined.cookies) throw new Error(`joining: expected a cookie, got ${joined.status}`);
		phones.push(await requestAs(factory, origin, joined.cookies));
	}
	const write = async (who: number, activityId: string, text: string) =>
		expectStatus(
			await postForm(phones[who], origin, `/w/${id}?/card`, { activityId, text }),
			303,
			`card ${text}`
		);
	/** The phones' request contexts go (staff's stays for the checks afterwards). */
	const dispose = async () => {
		for (const p of phones) await p.dispose();
	};
	return { ...workshop, teamId, teamPath, title, activities, find, pace, phones, write, dispose };
}
