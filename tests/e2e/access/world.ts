import { createClient } from '@libsql/client';
import type { APIRequestContext } from '@playwright/test';
import { LIMITS } from '../../../src/lib/domain/workshop';
import { hashToken } from '../../../src/lib/server/ids';
import { newAccountDetails, sessionTokenFrom, signUpByRequest, type Account } from '../accounts';
import {
	createTeamByRequest,
	expectStatus,
	inviteByRequest,
	joinByRequest,
	postForm,
	postJson,
	requestAs,
	type RequestFactory
} from '../requests';

/**
 * The people of the authorisation test and everything they need to exist, built once through
 * the app's own forms and endpoints: sign-up, invitation links from the members page, teams,
 * team membership, values, a behaviour, workshops with an activity, the pace, joining with a
 * code. The test database is only read, for ids the pages do not print.
 */

/** Everyone who knocks on the doors, in the order of the expectation table's columns. */
export const ACTORS = [
	'owner', // founded the organisation
	'facA', // facilitator in team A
	'facB', // facilitator in team B only
	'leadA', // leader in team A
	'leadB', // leader in team B only
	'viewer', // viewer, in no team
	'other', // owner of ANOTHER organisation
	'anon', // nobody: no cookies at all
	'partA', // participant of workshop W (team A), with its cookie
	'partB' // participant of another workshop, who also offers its token as W's cookie
] as const;
export type ActorName = (typeof ACTORS)[number];

type Staff = Account & { userId: string };

export interface Actor {
	name: ActorName;
	/** Cookies sent with every request: the session, participant tokens. */
	cookies: Record<string, string>;
	account?: Staff;
}

export interface World {
	origin: string;
	org: string;
	otherOrg: string;
	teamA: string;
	teamB: string;
	/** A team of the other organisation. */
	otherTeam: string;
	valueA: string;
	valueB: string;
	/** A ritual of team B. */
	elementB: string;
	/** Workshop W in team A: live, its first activity (a rating) open for answers. */
	workshop: { id: string; activityId: string; joinCode: string };
	/** A workshop in team B. */
	otherWorkshop: { id: string; joinCode: string; activityId: string };
	/** A workshop in team A that has ended (nobody answered it). */
	endedWorkshop: { id: string; joinCode: string; activityId: string };
	/** A commitment of leadA in team A, and one of leadB in team B. */
	commitmentA: string;
	commitmentB: string;
	/** An open pulse check of team A, and one of team B. */
	pulseA: { id: string; code: string };
	pulseB: { id: string; code: string };
	/** The token of an invitation link that was used already. */
	usedInvitation: string;
	otherUserId: string;
	actors: Record<ActorName, Actor>;

	/** Things one check may destroy. */
	throwawayValue(): Promise<string>;
	throwawayElement(team: 'A' | 'B'): Promise<string>;
	throwawayInvitation(): Promise<string>;
	/** An open commitment of leadA in team A. */
	throwawayCommitment(): Promise<string>;
	/** A second session of the actor's account, to spend on a sign-out. */
	freshSession(actor: ActorName): Promise<Record<string, string>>;
	/** Whether the row is still there (a commitment: still open). */
	exists(
		table: 'culture_values' | 'culture_elements' | 'invitations' | 'commitments',
		id: string
	): Promise<boolean>;
	dispose(): Promise<void>;
}

let counter = 0;
const unique = (label: string) => `${label} ${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildWorld(factory: RequestFactory, origin: string): Promise<World> {
	const contexts: APIRequestContext[] = [];
	const as = async (cookies: Record<string, string>) => {
		const context = await requestAs(factory, origin, cookies);
		contexts.push(context);
		return context;
	};
	/** A context for one request: a session in a shared jar would be ended by the next sign-up. */
	const once = async <T>(run: (context: APIRequestContext) => Promise<T>): Promise<T> => {
		const context = await requestAs(factory, origin);
		try {
			return await run(context);
		} finally {
			await context.dispose();
		}
	};

	// Read for ids the pages do not print.
	const client = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	const one = async (sql: string, ...args: string[]): Promise<string> => {
		const id = (await client.execute({ sql, args })).rows[0]?.[0];
		if (typeof id !== 'string') throw new Error(`Nothing found for ${sql} (${args.join(', ')})`);
		return id;
	};
	// The app keeps e-mail addresses in lower case.
	const staff = async (account: Account): Promise<Staff> => ({
		...account,
		userId: await one('select id from users where email = ?', account.email.toLowerCase())
	});

	const owner = await staff(
		await once((c) => signUpByRequest(c, origin, newAccountDetails('access-owner')))
	);
	const other = await staff(
		await once((c) => signUpByRequest(c, origin, newAccountDetails('access-other')))
	);
	const org = owner.orgId;
	const asOwner = await as({ session: owner.sessionToken });
	const asOther = await as({ session: other.sessionToken });

	const teamA = await createTeamByRequest(asOwner, origin, org, unique('Team A'));
	const teamB = await createTeamByRequest(asOwner, origin, org, unique('Team B'));
	const otherTeam = await createTeamByRequest(asOther, origin, other.orgId, unique('Team'));

	const invite = (role: 'facilitator' | 'leader' | 'viewer', teamId?: string) =>
		inviteByRequest(asOwner, origin, org, role, teamId);
	const join = async (label: string, token: string) =>
		staff(await joinByRequest(factory, origin, token, newAccountDetails(`access-${label}`)));
	const usedInvitation = await invite('facilitator', teamA);
	const facA = await join('facA', usedInvitation);
	const facB = await join('facB', await invite('facilitator'));
	const leadA = await join('leadA', await invite('leader', teamA));
	const leadB = await join('leadB', await invite('leader'));
	const viewer = await join('viewer', await invite('viewer'));
	// Team membership both ways: with the invitation (above), and on the team page (here).
	for (const person of [facB, leadB]) {
		const added = await postForm(asOwner, origin, `/o/${org}/t/${teamB}?/addMember`, {
			userId: person.userId
		});
		expectStatus(added, 200, 'adding someone to team B');
	}

	const createValue = async (context: APIRequestContext, teamId: string, name: string) => {
		const made = await postForm(context, origin, `/o/${org}/t/${teamId}/map?/createValue`, {
			name,
			meaning: 'Made by the authorisation test.',
			lens_current: 'on'
		});
		expectStatus(made, 200, `creating the value ${name}`);
		return one('select id from culture_values where team_id = ? and name = ?', teamId, name);
	};
	/** A ritual of its own, not tied to a value (the map page's form). */
	const createRitual = async (context: APIRequestContext, teamId: string, name: string) => {
		const made = await postForm(context, origin, `/o/${org}/t/${teamId}/map?/createElement`, {
			lens: 'current',
			kind: 'ritual',
			name
		});
		expectStatus(made, 200, `creating the ritual ${name}`);
		return one('select id from culture_elements where team_id = ? and name = ?', teamId, name);
	};
	const asFacA = await as({ session: facA.sessionToken });
	const asFacB = await as({ session: facB.sessionToken });
	const valueA = await createValue(asFacA, teamA, unique('Value A'));
	const valueB = await createValue(asFacB, teamB, unique('Value B'));
	const elementB = await createRitual(asFacB, teamB, unique('Ritual B'));
	const behaviour = await postForm(
		asFacA,
		origin,
		`/o/${org}/t/${teamA}/map/values/${valueA}?/createElement`,
		{ lens: 'current', kind: 'looks_like', text: 'People finish what they start.' }
	);
	expectStatus(behaviour, 200, 'describing value A');

	/** A workshop made on the team's workshop pages, with one activity: a rating of its values. */
	const createWorkshop = async (context: APIRequestContext, teamId: string) => {
		const path = `/o/${org}/t/${teamId}/workshops`;
		const created = await postForm(context, origin, `${path}?/create`, {
			title: unique('Workshop'),
			template: 'blank'
		});
		const id = new RegExp(`^${path}/([^/]+)$`).exec(created.location)?.[1];
		if (!id) throw new Error(`Creating a workshop answered ${created.status} ${created.location}`);
		const added = await postForm(context, origin, `${path}/${id}?/addActivity`, { kind: 'rate' });
		expectStatus(added, 200, 'adding a rating to a workshop');
		const joinCode = await one('select join_code from workshops where id = ?', id);
		const activityId = await one('select id from activities where workshop_id = ?', id);
		return { id, joinCode, activityId };
	};
	const workshop = await createWorkshop(asFacA, teamA);
	const otherWorkshop = await createWorkshop(asFacB, teamB);
	const endedWorkshop = await createWorkshop(asFacA, teamA);
	for (const type of ['start', 'end']) {
		const paced = await postJson(asOwner, origin, `/live/${endedWorkshop.id}/pace`, { type });
		expectStatus(paced, 200, `the pace command ${type} of the ended workshop`);
	}
	// Live, with the rating open: a participant's answers get as far as being checked.
	for (const type of ['start', 'next']) {
		const paced = await postJson(asOwner, origin, `/live/${workshop.id}/pace`, { type });
		expectStatus(paced, 200, `the pace command ${type}`);
	}
	const participantToken = ({ id, joinCode }: { id: string; joinCode: string }) =>
		once(async (c) => {
			const joined = await postJson(c, origin, '/live/join', { code: joinCode });
			expectStatus(joined, 200, 'joining a workshop');
			for (const { name, value } of joined.response.headersArray()) {
				const token =
					name.toLowerCase() === 'set-cookie' && new RegExp(`^p_${id}=([^;]+)`).exec(value);
				if (token) return decodeURIComponent(token[1]);
			}
			throw new Error('Joining set no participant cookie');
		});
	/** A commitment written on the commitments page by the owner, for a leader of the team. */
	const createCommitment = async (teamId: string, leaderId: string, valueId: string) => {
		const path = `/o/${org}/t/${teamId}/commitments`;
		const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
		const made = await postForm(asOwner, origin, `${path}?/create`, {
			leaderId,
			valueId,
			action: unique('Ask for feedback in every one-on-one'),
			signal: 'People hear me ask',
			dueOn: due
		});
		const id = new RegExp(`^${path}/([^/?]+)`).exec(made.location)?.[1];
		if (!id) throw new Error(`Creating a commitment answered ${made.status} ${made.location}`);
		return id;
	};
	const commitmentA = await createCommitment(teamA, leadA.userId, valueA);
	const commitmentB = await createCommitment(teamB, leadB.userId, valueB);

	/** A pulse check open from today, made on the team's pulse page. */
	const createPulse = async (context: APIRequestContext, teamId: string) => {
		const path = `/o/${org}/t/${teamId}/pulses`;
		const today = new Date().toISOString().slice(0, 10);
		const week = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
		const made = await postForm(context, origin, `${path}?/create`, {
			opensOn: today,
			closesOn: week,
			cadenceWeeks: '4',
			openQuestion: 'What would you change?'
		});
		const id = new RegExp(`^${path}/([^/?]+)$`).exec(made.location)?.[1];
		if (!id) throw new Error(`Creating a pulse answered ${made.status} ${made.location}`);
		return { id, code: await one('select code from pulses where id = ?', id) };
	};
	const pulseA = await createPulse(asFacA, teamA);
	const pulseB = await createPulse(asFacB, teamB);

	const tokenA = await participantToken(workshop);
	const tokenB = await participantToken(otherWorkshop);

	const people = { owner, facA, facB, leadA, leadB, viewer, other };
	const actors = {
		anon: { name: 'anon', cookies: {} },
		partA: { name: 'partA', cookies: { [`p_${workshop.id}`]: tokenA } },
		partB: {
			name: 'partB',
			cookies: { [`p_${otherWorkshop.id}`]: tokenB, [`p_${workshop.id}`]: tokenB }
		}
	} as Record<ActorName, Actor>;
	for (const [name, account] of Object.entries(people) as [ActorName, Staff][]) {
		actors[name] = { name, cookies: { session: account.sessionToken }, account };
	}

	return {
		origin,
		org,
		otherOrg: other.orgId,
		teamA,
		teamB,
		otherTeam,
		valueA,
		valueB,
		elementB,
		workshop,
		otherWorkshop,
		endedWorkshop,
		commitmentA,
		commitmentB,
		pulseA,
		pulseB,
		usedInvitation,
		otherUserId: other.userId,
		actors,

		throwawayValue: () => createValue(asOwner, teamA, unique('Throwaway value')),
		throwawayElement: (team) =>
			createRitual(asOwner, team === 'A' ? teamA : teamB, unique('Throwaway ritual')),
		throwawayInvitation: async () =>
			one('select id from invitations where token_hash = ?', hashToken(await invite('viewer'))),
		throwawayCommitment: () => createCommitment(teamA, leadA.userId, valueA),
		freshSession: async (name) => {
			const account = actors[name].account;
			if (!account) return actors[name].cookies;
			return once(async (c) => {
				const signedIn = await postForm(c, origin, '/signin', {
					email: account.email,
					password: account.password
				});
				expectStatus(signedIn, 303, `${name} signing in again`);
				return { session: sessionTokenFrom(signedIn.response.headersArray()) };
			});
		},
		exists: async (table, id) => {
			const still = table === 'commitments' ? " and status = 'open'" : '';
			const sql = `select 1 from ${table} where id = ?${still}`;
			return (await client.execute({ sql, args: [id] })).rows.length > 0;
		},
		dispose: async () => {
			for (const context of contexts) await context.dispose();
			client.close();
		}
	};
}

/** A nickname one character over the limit: joining with it is refused before anything is stored. */
export const TOO_LONG_NICKNAME = 'n'.repeat(LIMITS.nickname.max + 1);
