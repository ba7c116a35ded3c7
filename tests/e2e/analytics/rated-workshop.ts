import { createClient } from '@libsql/client';
import { expectStatus, postJson, type RequestFactory } from '../requests';
import { DB } from '../trust/room';
import { query, startedWorkshop } from '../workshops/started-workshop';

/**
 * A team with `values` on its map and a full workshop that five phones rated (assumed and
 * current, spread over the scale) and that has ended, with one leader's commitment from it due
 * on 2027-01-06: a workshop whose results, report and commitments have something to show.
 */
export async function ratedWorkshop(
	factory: RequestFactory,
	origin: string,
	label: string,
	values: string[]
) {
	const w = await startedWorkshop(factory, origin, label, { values, phones: 5 });
	const rate = w.find('rate');
	const rows = await query<{ id: string; name: string }>(
		'select id, name from culture_values where team_id = ? order by rowid',
		[w.teamId]
	);
	await w.pace({ type: 'goto', index: rate.position });
	for (const [p, phone] of w.phones.entries()) {
		const answers: Record<string, number> = {};
		rows.forEach((v, i) => {
			answers[`${v.id}:assumed`] = ((i + p * (i % 3)) % 5) + 1;
			answers[`${v.id}:current`] = ((2 * i + p * (i % 2)) % 5) + 1;
		});
		const sent = await postJson(phone, origin, `/live/${w.id}/answers`, {
			activityId: rate.id,
			answers
		});
		expectStatus(sent, 200, `phone ${p}'s ratings`);
	}
	await w.pace({ type: 'end' });
	await w.dispose();
	const [{ userId }] = await query<{ userId: string }>(
		'select id as userId from users where email = ?',
		[w.owner.email]
	);
	const client = createClient({ url: DB, timeout: 5000 });
	try {
		await client.execute({
			sql: 'insert into commitments (id, team_id, value_id, leader_id, action, signal, due_on, workshop_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
			args: [
				crypto.randomUUID(),
				w.teamId,
				rows[0].id,
				userId,
				'Ask for feedback in every retro',
				'Three retros with feedback',
				'2027-01-06',
				w.id,
				Date.now()
			]
		});
	} finally {
		client.close();
	}
	return { ...w, values: rows };
}
