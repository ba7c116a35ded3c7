import { createClient } from '@libsql/client';
import { expect, type APIRequestContext } from '@playwright/test';
import { newAccountDetails, signUpByRequest, type Account } from '../accounts';
import {
	createTeamByRequest,
	expectStatus,
	inviteByRequest,
	joinByRequest,
	postForm,
	requestAs,
	type RequestFactory
} from '../requests';
import { client } from '../trust/loopback';

/**
 * A team to follow through on, built with the app's own forms: an owner, a team with strategic
 * values, a leader and a viewer invited into it.
 */
export interface FollowTeam {
	origin: string;
	owner: Account;
	leader: Account;
	viewer: Account;
	asOwner: APIRequestContext;
	orgId: string;
	teamId: string;
	teamPath: string;
	values: Record<string, string>;
	/** Reads one value from the test database (ids the pages do not print). */
	one: (sql: string, ...args: string[]) => Promise<string>;
}

export async function followTeam(
	factory: RequestFactory,
	origin: string,
	valueNames: string[],
	options: { minGroupSize?: number } = {}
): Promise<FollowTeam> {
	const owner = await signUpByRequest(
		await requestAs(factory, origin),
		origin,
		newAccountDetails('follow-owner')
	);
	const asOwner = await requestAs(factory, origin, { session: owner.sessionToken });
	const orgId = owner.orgId;
	if (options.minGroupSize !== undefined) {
		const set = await postForm(asOwner, origin, `/o/${orgId}/settings`, {
			name: 'Follow-through Ltd',
			minGroupSize: String(options.minGroupSize)
		});
		expectStatus(set, 200, 'setting the minimum group size');
	}
	const unique = owner.email.split('@')[0].slice(-8);
	const teamId = await createTeamByRequest(asOwner, origin, orgId, `Follow ${unique}`);
	const teamPath = `/o/${orgId}/t/${teamId}`;
	const client = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	const one = async (sql: string, ...args: string[]) => {
		const value = (await client.execute({ sql, args })).rows[0]?.[0];
		if (typeof value !== 'string') throw new Error(`Nothing found for ${sql}`);
		return value;
	};
	// The owner runs the organisation and the leader invited below leads the team: the owner, a
	// member of the team they created, steps out of it, so that pulses ask about the leader only.
	const stepOut = await postForm(asOwner, origin, `${teamPath}?/removeMember`, {
		userId: await one('select id from users where email = ?', owner.email)
	});
	expectStatus(stepOut, 200, 'the owner stepping out of the team');
	const values: Record<string, string> = {};
	for (const name of valueNames) {
		const made = await postForm(asOwner, origin, `${teamPath}/map?/createValue`, {
			name,
			lens_current: 'on',
			lens_strategic: 'on'
		});
		expectStatus(made, 200, `creating the value ${name}`);
		values[name] = await one(
			'select id from culture_values where team_id = ? and name = ?',
			teamId,
			name
		);
	}
	const leader = await joinByRequest(
		factory,
		origin,
		await inviteByRequest(asOwner, origin, orgId, 'leader', teamId),
		newAccountDetails('follow-leader')
	);
	const viewer = await joinByRequest(
		factory,
		origin,
		await inviteByRequest(asOwner, origin, orgId, 'viewer'),
		newAccountDetails('follow-viewer')
	);
	return { origin, owner, leader, viewer, asOwner, orgId, teamId, teamPath, values, one };
}

/** A loopback address of its own (127.0.0.0/8 is all loopback), away from 127.0.0.x. */
const phoneAddress = () =>
	`127.${10 + Math.floor(Math.random() * 240)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/**
 * Answers a pulse by a form post from a fresh device (no cookie: a new respondent) on an address
 * of its own, as phones are: the limits on new devices per address (pulses/limits.ts) are then
 * each phone's, not those of 127.0.0.1, which the rest of the e2e run shares.
 */
export async function answerPulseByRequest(
	team: FollowTeam,
	code: string,
	items: string[],
	scores: number[]
) {
	const phone = client(team.origin, phoneAddress());
	const form = Object.fromEntries(items.map((id, i) => [`item_${id}`, String(scores[i])]));
	const sent = await phone.post(`/pulse/${code}`, form);
	phone.close();
	expect(sent.status, `answering a pulse: ${sent.body.slice(0, 200)}`).toBe(303);
}

/** The date `offset` days from today, `YYYY-MM-DD`. */
export const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A pulse of `teamPath` answered by one new device per list of scores; opened `offset` days away. */
export async function pulseOf(
	team: FollowTeam,
	teamPath: string,
	answers: number[][],
	offset = 0,
	{ withLeaders = false } = {}
) {
	const made = await postForm(team.asOwner, team.origin, `${teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?',
		...(withLeaders ? { withLeaders: 'on' } : {})
	});
	const id = made.location.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', id);
	const items = await Promise.all(
		answers[0].map((_, position) =>
			team.one(
				'select id from pulse_items where pulse_id = ? and position = ?',
				id,
				String(position)
			)
		)
	);
	for (const scores of answers) await answerPulseByRequest(team, code, items, scores);
	if (offset !== 0) {
		// The app opens pulses from today on; an earlier one is moved there in the database.
		const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
		await db.execute({
			sql: 'update pulses set opens_on = ?, closes_on = ? where id = ?',
			args: [day(offset), day(offset), id]
		});
		db.close();
	}
}
