/** A workshop ready to run, for the live tests and the benchmark (scripts/bench-live.ts). */
import { LENSES, type Lens } from '../../domain/culture';
import { createTeam, createUserWithOrganisation } from '../accounts/queries';
import type { Database } from '../db';
import { cultureValues, organisations } from '../db/schema';
import { newId } from '../ids';
import { createWorkshop, listActivities } from '../workshops/queries';
import { createMemoryBus, liveBus, useLiveBus, type Delivery } from './bus';
import { useLiveDatabase } from './context';
import { forgetAllParticipants } from './participants';
import { forgetRoom } from './rooms';

export interface SeedOptions {
	values?: number;
	lenses?: Lens[];
	dots?: number;
	minGroupSize?: number;
	email?: string;
	passwordHash?: string;
}

/**
 * An organisation, a team with values, and a workshop whose agenda is: collect values,
 * rate every value under every lens (0–10), a dot vote, an outsider board.
 */
export async function seedWorkshop(db: Database, options: SeedOptions = {}) {
	const lenses = options.lenses ?? [...LENSES];
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{
			email: options.email ?? `f-${newId()}@example.org`,
			name: 'Facilitator',
			passwordHash: options.passwordHash ?? 'x'
		},
		'Acme'
	);
	if (options.minGroupSize !== undefined) {
		await db.update(organisations).set({ minGroupSize: options.minGroupSize });
	}
	const teamId = await createTeam(db, orgId, 'Support');
	const valueIds = Array.from({ length: options.values ?? 10 }, () => newId());
	await db.insert(cultureValues).values(
		valueIds.map((id, position) => ({
			id,
			teamId,
			name: `Value ${position + 1}`,
			nameKey: `value ${position + 1}`,
			position
		}))
	);
	const { id: workshopId, joinCode } = await createWorkshop(db, {
		teamId,
		title: 'Kick-off',
		createdBy: user.id,
		agenda: [
			{
				kind: 'collect',
				title: 'Our values',
				prompt: '',
				config: { kind: 'collect', lens: 'current', target: 'value' }
			},
			{
				kind: 'rate',
				title: 'Rate',
				prompt: '',
				config: { kind: 'rate', lenses, scale: '0-10', valueIds }
			},
			{
				kind: 'dot_vote',
				title: 'Dots',
				prompt: '',
				config: { kind: 'dot_vote', lens: 'strategic', dots: options.dots ?? 5, valueIds }
			},
			{ kind: 'outsider', title: 'Outsiders', prompt: '', config: { kind: 'outsider' } }
		]
	});
	const [collect, rate, dots, outsider] = await listActivities(db, workshopId);
	return {
		userId: user.id,
		orgId,
		teamId,
		valueIds,
		lenses,
		workshopId,
		joinCode,
		activities: { collect, rate, dots, outsider }
	};
}

/** Points the live modules at `db` with empty caches and a fresh bus. */
export function installLive(db: Database) {
	useLiveDatabase(db);
	useLiveBus(createMemoryBus());
	forgetRoom();
	forgetAllParticipants();
}

/** Everything the live bus delivers to one audience of a workshop from now on, in order. */
export function listenTo<A extends 'room' | 'staff'>(workshopId: string, audience: A) {
	const seen: Delivery<A>[] = [];
	liveBus().subscribe(workshopId, audience, (d) => seen.push(d));
	return seen;
}
