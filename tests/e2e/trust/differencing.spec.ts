import { signInContext } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { expectStatus, postForm, postJson, requestAs } from '../requests';
import { firstSnapshot, joinDevice, setUp } from './room';

/**
 * Differencing a live room (docs/security.md, "Releases"): staff read the console's stream and
 * the projector's, and a participant reads the room's, before and after one more answer, one
 * changed answer and one withdrawal. Every reading stays the same until at least the minimum
 * group size of people (3 here) have answered, changed or withdrawn since the last release;
 * then the numbers move by all of them at once.
 */

interface Results {
	counts: Record<string, number[]>;
	people: Record<string, number>;
	waiting: boolean;
}

test('one more, one changed or one withdrawn answer changes nothing staff or the room can read', async ({
	page,
	playwright,
	baseURL
}, testInfo) => {
	test.slow();
	const origin = baseURL!;
	const request = playwright.request;
	const w = await setUp(request, origin, 'differencing');
	expectStatus(
		await postForm(w.staff, origin, `/o/${w.owner.orgId}/settings`, {
			name: 'Differencing Ltd',
			minGroupSize: '3'
		}),
		200,
		'minimum group size'
	);
	for (const command of [{ type: 'start' }, { type: 'goto', index: 2 }, { type: 'reveal' }]) {
		expectStatus(await postJson(w.staff, origin, `/live/${w.id}/pace`, command), 200, 'pace');
	}

	/** A scripted device joins and rates the first item; it can change or withdraw later. */
	const device = async (score: number) => {
		const joined = await joinDevice(request, origin, w);
		expect(joined.status).toBe(200);
		const context = await requestAs(request, origin, joined.cookies!);
		const snapshot = await firstSnapshot(`${origin}/live/${w.id}/events`, joined.cookies!);
		const activity = snapshot.snapshot!.activity as { id: string; items: { itemId: string }[] };
		const item = activity.items[0].itemId;
		const rate = async (value: number) => {
			const sent = await postJson(context, origin, `/live/${w.id}/answers`, {
				activityId: activity.id,
				answers: { [item]: value }
			});
			expect(sent.status).toBe(200);
		};
		await rate(score);
		return {
			cookies: joined.cookies!,
			item,
			rate,
			withdraw: async () => {
				const gone = await postForm(context, origin, `/w/${w.id}?/withdraw`, { confirm: 'on' });
				expect([gone.status, gone.location]).toEqual([303, '/join?done=withdrawn']);
			},
			dispose: () => context.dispose()
		};
	};

	/** The results on the console's stream, the projector's and one participant's. */
	const readings = async (cookies: Record<string, string>) => {
		const session = { session: w.owner.sessionToken };
		const streams = await Promise.all([
			firstSnapshot(`${origin}/live/${w.id}/events?audience=staff`, session),
			firstSnapshot(`${origin}/live/${w.id}/events`, session),
			firstSnapshot(`${origin}/live/${w.id}/events`, cookies)
		]);
		return streams.map((s) => {
			const { counts, people, waiting } = s.snapshot!.results as Results;
			return { counts, people, waiting };
		});
	};

	const people = [await device(1), await device(2), await device(5)];
	const item = people[0].item;
	/** Every reading is this release: counts per score 1-5, by this many people. */
	const expectRelease = async (counts: number[], waiting: boolean) => {
		for (const [i, reading] of (await readings(people[0].cookies)).entries()) {
			expect(reading, `reading ${i}`).toEqual({
				counts: { [item]: counts },
				people: { [item]: 3 },
				waiting
			});
		}
	};
	await expectRelease([1, 1, 0, 0, 1], false);

	// One more person answers 4; the first person changes 1 to 3: the same numbers, and the
	// room is told that newer answers wait for enough others.
	people.push(await device(4));
	await expectRelease([1, 1, 0, 0, 1], true);
	await people[0].rate(3);
	await expectRelease([1, 1, 0, 0, 1], true);
	// The second person withdraws: the third change since the release, and the numbers move by
	// all three at once (3, 5 and 4).
	await people[1].withdraw();
	await expectRelease([0, 0, 1, 1, 1], false);

	// A withdrawal alone shows nothing either: one more answers 2, the third person withdraws.
	people.push(await device(2));
	await expectRelease([0, 0, 1, 1, 1], true);
	await people[2].withdraw();
	await expectRelease([0, 0, 1, 1, 1], true);

	// The console says why the numbers stand still, in the browser too.
	await signInContext(page.context(), origin, w.owner);
	await page.goto(`${w.url}/console`);
	await waitForHydration(page);
	const note = page.getByText(t('results_waiting'));
	await expect(note).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('console-waiting.png'), fullPage: true });

	// The fourth person changes 4 to 1: three since the last release, the numbers move (3, 1, 2).
	await people[3].rate(1);
	await expectRelease([1, 1, 1, 0, 0], false);
	await expect(note).toBeHidden();
	for (const person of people) await person.dispose();
});
