import { expect, test } from '../fixtures';
import { followTeam } from '../follow/setup';
import { t } from '../messages';
import { expectStatus, postForm } from '../requests';
import { PULSE_LIMITS_POLICY as POLICY } from '../../../src/lib/server/pulses/limits';
import { address, client, tally, type Answer } from './loopback';

/**
 * Stuffing and padding of a pulse and its board (docs/security.md): a script on one address
 * sends 200 cookie-less pulse answers (each a new respondent), 200 cookie-less upvotes and 200
 * board posts, over plain form posts and the enhanced (JSON) path. Each flood is cut off with
 * 429 and a time to wait, while an office answering from another address passes.
 *
 * Each scripted client connects from an address of its own on the loopback network
 * (127.0.0.x), so that the limits it spends are not those of 127.0.0.1, which the rest of the
 * e2e run shares.
 */

/**
 * `n` requests one after another against a bucket of `burst` tokens: `burst` get in, then 429.
 * The bucket refills at `perSecond` meanwhile, so on a slow machine a few more may pass, never
 * more than the refill of the time the flood took. Returns how many passed and the last refusal.
 */
async function flood(
	n: number,
	send: (i: number) => Promise<Answer>,
	ok: number,
	{ burst, perSecond }: { burst: number; perSecond: number }
) {
	const started = performance.now();
	const answers: Answer[] = [];
	for (let i = 0; i < n; i++) answers.push(await send(i));
	const refilled = Math.floor(((performance.now() - started) / 1000) * perSecond);
	const { [ok]: passed = 0, 429: refusals = 0, ...other } = tally(answers);
	expect(other).toEqual({});
	expect(passed).toBeGreaterThanOrEqual(burst);
	expect(passed).toBeLessThanOrEqual(burst + refilled);
	expect(refusals).toBe(n - passed);
	return { passed, refused: answers.findLast((a) => a.status === 429)! };
}

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a script on one address cannot stuff a pulse or its board; an office still can answer', async ({
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const team = await followTeam(playwright.request, origin, ['Candour']);
	const made = await postForm(team.asOwner, origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	expectStatus(made, 303, 'creating a pulse');
	const pulseId = made.location.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', pulseId);
	const [value, enps] = await Promise.all(
		['0', '1'].map((p) =>
			team.one('select id from pulse_items where pulse_id = ? and position = ?', pulseId, p)
		)
	);
	const form = { [`item_${value}`]: '4', [`item_${enps}`]: '9' };
	const count = async (sql: string) => Number(await team.one(`select cast((${sql}) as text)`));
	const responses = () =>
		count(`select count(*) from pulse_responses where pulse_id = '${pulseId}'`);

	// 200 cookie-less answers from one address: 60 get in, then 429 with a time to wait.
	const script = client(origin, address(0));
	const { passed: stuffed, refused } = await flood(
		200,
		() => script.post(`/pulse/${code}`, form),
		303,
		POLICY.newDevicePerAddress
	);
	expect(await responses()).toBe(stuffed);
	expect(refused.body).toContain(
		t('follow_pulse_rate_limited', { seconds: '@' }).split('@')[0].trim()
	);
	expect(refused.body).toMatch(/try again in \d+ seconds/);
	// The enhanced form's JSON path is the same action: refused too, with the seconds.
	const enhanced = await script.post(`/pulse/${code}`, form, { enhanced: true });
	expect(JSON.parse(enhanced.body)).toMatchObject({ type: 'failure', status: 429 });
	expect(enhanced.body).toContain('retryAfter');

	// An office behind another address: 30 people answer, one changes their answer.
	const office = client(origin, address(1));
	const people: Answer[] = [];
	for (let i = 0; i < 30; i++) people.push(await office.post(`/pulse/${code}`, form));
	expect(tally(people)).toEqual({ 303: 30 });
	const changed = await office.post(
		`/pulse/${code}`,
		{ ...form, [`item_${value}`]: '2' },
		{ cookie: people[0].cookies.join('; ') }
	);
	expect(changed.status).toBe(303);
	expect(await responses()).toBe(stuffed + 30);

	// The board: someone posts an idea; a script upvotes it from 200 new devices.
	const first = await office.post(`/pulse/${code}/board?/post`, { text: 'Shorter meetings' });
	expect(first.status).toBe(200);
	const postId = await team.one(
		'select id from board_posts where pulse_id is null and team_id = ?',
		team.teamId
	);
	const voter = client(origin, address(2));
	const upvotes = await flood(
		200,
		() => voter.post(`/pulse/${code}/board?/upvote`, { postId }),
		200,
		POLICY.newDevicePerAddress
	);
	expect(await count(`select count(*) from board_upvotes where post_id = '${postId}'`)).toBe(
		upvotes.passed
	);
	expect(upvotes.refused.body).toContain(
		t('follow_board_rate_limited', { seconds: '@' }).split('@')[0].trim()
	);

	// 200 posts from one device on one address: 60, then 429. The office still posts.
	const poster = client(origin, address(3));
	const own = (await poster.post(`/pulse/${code}/board?/post`, { text: 'Idea 0' })).cookies.join(
		'; '
	);
	const posts = await flood(
		199,
		(i) => poster.post(`/pulse/${code}/board?/post`, { text: `Idea ${i + 1}` }, { cookie: own }),
		200,
		{ ...POLICY.postPerAddress, burst: POLICY.postPerAddress.burst - 1 }
	);
	expect(
		await count(
			`select count(*) from board_posts where team_id = '${team.teamId}' and text like 'Idea %'`
		)
	).toBe(posts.passed + 1);
	const later = await office.post(`/pulse/${code}/board?/post`, { text: 'Better coffee' });
	expect(later.status).toBe(200);
	for (const c of [script, office, voter, poster]) c.close();
});
