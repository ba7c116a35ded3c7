import { createClient } from '@libsql/client';
import type { Page } from '@playwright/test';
import { signInContext } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { expectStatus, postForm, postJson, requestAs } from '../requests';
import { DB, firstSnapshot, joinDevice, PHONE, setUp } from './room';

/**
 * Padding, attacked as a script would: scripted devices cannot get into a verified room without
 * an unused one-time code, a code lets one device in once (also when many spend it at the same
 * instant), devices beyond the expected head count wait and can neither answer nor read the room
 * until the facilitator lets them in, and no staff page or stream shows which code was used.
 */

/** The one-time codes on the printable page the `make` action answers with. */
function codesIn(html: string): string[] {
	return [...html.matchAll(/data-testid="one-time-code"[^>]*>([A-Z0-9-]+)</g)].map((m) => m[1]);
}

test('a verified room lets in one device per unused code, and staff never learn which', async ({
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const request = playwright.request;
	const w = await setUp(request, origin, 'verified-attack');
	expectStatus(
		await postForm(w.staff, origin, `${w.url}?/verified`, { verified: 'on' }),
		200,
		'verified'
	);
	const made = await postForm(w.staff, origin, `${w.url}/codes?/make`, { count: '3' });
	expectStatus(made, 200, 'making codes');
	const codes = codesIn(await made.response.text());
	expect(codes).toHaveLength(3);

	// Without a code, or with one that was never printed: refused, nobody stored.
	const none = await joinDevice(request, origin, w);
	expect([none.status, none.body.error, none.cookies]).toEqual([403, 'access_code_required', null]);
	const guessed = await joinDevice(request, origin, w, { accessCode: 'ABCDE-FGHJK' });
	expect([guessed.status, guessed.body.error]).toEqual([403, 'access_code_invalid']);

	// A code works once; a second device with the same code is refused.
	const first = await joinDevice(request, origin, w, { accessCode: codes[0] });
	expect(first.status).toBe(200);
	expect(first.cookies).not.toBeNull();
	const again = await joinDevice(request, origin, w, { accessCode: codes[0] });
	expect([again.status, again.body.error, again.cookies]).toEqual([
		403,
		'access_code_invalid',
		null
	]);

	// Five devices spend one code at the same instant: exactly one gets in.
	const rush = await Promise.all(
		Array.from({ length: 5 }, () => joinDevice(request, origin, w, { accessCode: codes[1] }))
	);
	expect(rush.map((r) => r.status).sort()).toEqual([200, 403, 403, 403, 403]);

	const reader = createClient({ url: DB, timeout: 5000 });
	try {
		const people = await reader.execute({
			sql: 'select id, token_hash from participants where workshop_id = ?',
			args: [w.id]
		});
		expect(people.rows).toHaveLength(2);
		// The code rows: a hash, a scope and a state, nothing that points at a participant or a time.
		const stored = await reader.execute({
			sql: 'select * from access_codes where workshop_id = ?',
			args: [w.id]
		});
		expect(stored.columns.sort()).toEqual(['code_hash', 'pulse_id', 'state', 'workshop_id']);
		expect(stored.rows.map((r) => r.state).sort()).toEqual(['unused', 'used', 'used']);
		const hashes = stored.rows.map((r) => String(r.code_hash));

		// What staff can read: the workshop page, the console, the codes page, the staff stream.
		const staffSees = [
			await (await w.staff.get(w.url)).text(),
			await (await w.staff.get(`${w.url}/console`)).text(),
			await (await w.staff.get(`${w.url}/codes`)).text(),
			(
				await firstSnapshot(`${origin}/live/${w.id}/events?audience=staff`, {
					session: w.owner.sessionToken
				})
			).raw
		].join('\n');
		expect(staffSees).toContain('Codes printed: 3 · used: 2 · unused: 1');
		const plain = codes.flatMap((c) => [c, c.replace('-', '')]);
		const found = [...plain, ...hashes].filter((secret) => staffSees.includes(secret));
		expect(found, 'codes or their hashes on a staff page or stream').toEqual([]);
	} finally {
		reader.close();
	}
});

test('beyond the expected head count devices wait, and cannot answer or watch until let in', async ({
	playwright,
	baseURL
}) => {
	test.slow();
	const origin = baseURL!;
	const request = playwright.request;
	const w = await setUp(request, origin, 'head-count-attack');
	const consoleUrl = `${w.url}/console`;
	expectStatus(
		await postForm(w.staff, origin, `${consoleUrl}?/headCount`, { expected: '2' }),
		200,
		'head count'
	);
	for (const command of [{ type: 'start' }, { type: 'goto', index: 2 }]) {
		expectStatus(await postJson(w.staff, origin, `/live/${w.id}/pace`, command), 200, 'pace');
	}

	const inside = [await joinDevice(request, origin, w), await joinDevice(request, origin, w)];
	expect(inside.map((d) => d.status)).toEqual([200, 200]);
	const padding = await Promise.all(
		Array.from({ length: 3 }, () => joinDevice(request, origin, w))
	);
	expect(padding.map((d) => [d.status, d.body.waiting])).toEqual([
		[202, true],
		[202, true],
		[202, true]
	]);

	const stream = await firstSnapshot(`${origin}/live/${w.id}/events`, inside[0].cookies!);
	const activity = stream.snapshot!.activity as { id: string; items: { itemId: string }[] };
	expect((stream.snapshot!.counts as { joined: number }).joined).toBe(2);
	const answer = async (cookies: Record<string, string>) => {
		const device = await requestAs(request, origin, cookies);
		try {
			return (
				await postJson(device, origin, `/live/${w.id}/answers`, {
					activityId: activity.id,
					answers: { [activity.items[0].itemId]: 3 }
				})
			).status;
		} finally {
			await device.dispose();
		}
	};
	const waiting = padding[0].cookies!;
	// Waiting: no answers, no room stream, the room page sends it to wait.
	expect(await answer(waiting)).toBe(403);
	expect((await firstSnapshot(`${origin}/live/${w.id}/events`, waiting)).status).toBe(401);
	const device = await requestAs(request, origin, waiting);
	const room = await device.get(`/w/${w.id}`, { maxRedirects: 0 });
	expect([room.status(), room.headers()['location']]).toEqual([303, `/w/${w.id}/waiting`]);
	// Nor through the room's forms (the no-JavaScript path of answers, cards and upvotes).
	const form = await postForm(device, origin, `/w/${w.id}?/answer`, {
		activityId: activity.id,
		[activity.items[0].itemId]: '3'
	});
	expect([form.status, form.location]).toEqual([303, `/w/${w.id}/waiting`]);
	expect(await answer(inside[1].cookies!)).toBe(200);

	// The console lets one in and refuses the rest.
	const html = await (await w.staff.get(consoleUrl)).text();
	expect(html).toContain('Waiting to be let in: 3');
	const ids = [...html.matchAll(/name="id" value="([a-z0-9]+)"/g)].map((m) => m[1]);
	expect(new Set(ids).size).toBe(3);
	expectStatus(
		await postForm(w.staff, origin, `${consoleUrl}?/admit`, { id: ids[0] }),
		200,
		'admit'
	);
	expectStatus(
		await postForm(w.staff, origin, `${consoleUrl}?/refuse`, { all: 'on' }),
		200,
		'refuse'
	);
	const statuses = await Promise.all(padding.map((d) => answer(d.cookies!)));
	expect(statuses.sort()).toEqual([200, 403, 403]);
	const after = await firstSnapshot(`${origin}/live/${w.id}/events`, inside[0].cookies!);
	expect((after.snapshot!.counts as { joined: number }).joined).toBe(3);
	await device.dispose();
});

async function slipUrl(page: Page): Promise<string> {
	const src = (await page
		.getByRole('img', { name: t('codes_slip_qr_alt') })
		.first()
		.getAttribute('src'))!;
	const svg = Buffer.from(src.split(',')[1], 'base64').toString();
	expect(svg).toContain('<svg');
	return src;
}

test('a head count typed before the console’s live stream arrives is kept, and saved as typed', async ({
	page,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const w = await setUp(playwright.request, origin, 'head-count-early');
	await signInContext(page.context(), origin, w.owner);
	// The console's stream is held until the facilitator has typed; a device joins meanwhile, so
	// the stream's first snapshot (one joined) is seen to arrive after the typing.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/live/*/events?audience=staff', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(`${w.url}/console`);
	await waitForHydration(page);
	const field = page.getByLabel(t('admission_expected'));
	await field.fill('3');
	expect((await joinDevice(playwright.request, origin, w)).status).toBe(200);
	release();
	await expect(page.getByTestId('joined')).toHaveText('1');
	await expect(field).toHaveValue('3');
	await page.getByRole('button', { name: t('admission_expected_save') }).click();
	await expect(page.getByText(t('admission_expected_saved'))).toBeVisible();
	await expect(page.getByTestId('head-count')).toBeVisible();
	const client = createClient({ url: DB });
	try {
		const { rows } = await client.execute({
			sql: 'select expected_head_count as n from workshops where id = ?',
			args: [w.id]
		});
		expect(rows[0].n).toBe(3);
	} finally {
		client.close();
	}
});

test('the facilitator verifies the room, prints codes, a phone joins with one, the console lets a waiting one in', async ({
	page,
	newContext,
	playwright,
	baseURL
}, testInfo) => {
	test.slow();
	const origin = baseURL!;
	const w = await setUp(playwright.request, origin, 'verified-journey');
	const { owner, url: workshopUrl } = w;
	await signInContext(page.context(), origin, owner);
	await page.goto(workshopUrl);
	await waitForHydration(page);
	await expect(page.getByTestId('open-risk')).toHaveText(t('admission_open_risk'));
	await page.getByRole('button', { name: t('admission_make_verified') }).click();
	await expect(page.getByText(t('admission_verified_on'))).toBeVisible();
	await page.getByRole('link', { name: t('admission_codes_link') }).click();
	await page.getByLabel(t('codes_count')).fill('6');
	await page.getByRole('button', { name: t('codes_make') }).click();
	await expect(page.getByTestId('one-time-code')).toHaveCount(6);
	await slipUrl(page);
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: testInfo.outputPath('codes-print.png'), fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	const codes = await page.getByTestId('one-time-code').allTextContents();
	const joinCode = (await page.locator('.slip strong.mono').first().textContent())!.trim();

	// The projector shows how many joined, and asks the room to compare.
	const projector = await page.context().newPage();
	await projector.goto(`/present/${w.id}`);
	await expect(projector.getByText(t('present_head_check'))).toBeVisible();
	await projector.close();

	// One person is expected; the second one waits.
	await page.goto(`${workshopUrl}/console`);
	await waitForHydration(page);
	await page.getByLabel(t('admission_expected')).fill('1');
	await page.getByRole('button', { name: t('admission_expected_save') }).click();
	await expect(page.getByText(t('admission_expected_saved'))).toBeVisible();

	// The first phone scans a slip: the code arrives in the fragment, never in a request.
	const first = await (await newContext(PHONE)).newPage();
	await first.goto(`/join/${joinCode}#k=${codes[0].replace('-', '')}`);
	await waitForHydration(first);
	await expect(first.getByLabel(t('room_join_access'))).toHaveValue(codes[0].replace('-', ''));
	await first.getByRole('button', { name: t('room_join_submit'), exact: true }).click();
	await expect(first.getByRole('heading', { level: 1 })).toHaveText(t('room_waiting_title'));
	await expect(first.getByText(t('room_joined_count', { count: '1' })).first()).toBeVisible();

	// The second types the code from the slip, and waits for the facilitator.
	const second = await (await newContext(PHONE)).newPage();
	await second.goto(`/join/${joinCode}`);
	await second.getByLabel(t('room_join_access')).fill(codes[1].toLowerCase());
	await second.getByRole('button', { name: t('room_join_submit'), exact: true }).click();
	await expect(second.getByRole('heading', { level: 1 })).toHaveText(t('room_entry_title'));
	await waitForHydration(second);

	await expect(page.getByTestId('waiting')).toHaveText(t('admission_waiting', { count: '1' }));
	await expect(page.getByTestId('codes')).toHaveText(
		t('admission_codes_counts', { printed: '6', used: '2', unused: '4' })
	);
	await second.screenshot({ path: testInfo.outputPath('phone-waiting.png') });
	await page
		.locator('.admission')
		.screenshot({ path: testInfo.outputPath('console-admission.png') });
	await page.getByRole('button', { name: t('admission_admit'), exact: true }).click();
	await expect(page.getByTestId('waiting')).toHaveText(t('admission_waiting_none'));
	await expect(second.getByRole('heading', { level: 1 })).toHaveText(t('room_waiting_title'));
	await expect(page.getByTestId('joined')).toHaveText('2');
});
