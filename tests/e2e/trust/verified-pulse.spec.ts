import { signInContext } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { followTeam } from '../follow/setup';
import { t } from '../messages';
import { PulsePage } from '../pages/PulsePage';
import { expectStatus, postForm } from '../requests';
import { address, client, tally } from './loopback';

/**
 * Padding a verified pulse, attacked as a script would: cookie-less devices cannot answer
 * without an unused one-time code, a code pays for one device's first answer once (also when
 * several send it at the same instant), that device changes its answers without one, the
 * setting cannot change once someone answered, and no staff page shows which code was used.
 * Then the journey in Chromium: verified at creation, codes printed, a phone answers through a
 * slip's `#k=`, a second device without a code is refused, staff see the counts.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The one-time codes on the printable page the `make` action answers with. */
function codesIn(html: string): string[] {
	return [...html.matchAll(/data-testid="one-time-code"[^>]*>([A-Z0-9-]+)</g)].map((m) => m[1]);
}

test('a verified pulse takes a first answer only with an unused code, and staff never learn which', async ({
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
		openQuestion: 'What would you change?',
		verified: 'on'
	});
	expectStatus(made, 303, 'creating a verified pulse');
	const pulseUrl = made.location;
	const pulseId = pulseUrl.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', pulseId);
	expect(await team.one('select cast(verified as text) from pulses where id = ?', pulseId)).toBe(
		'1'
	);
	const printed = await postForm(team.asOwner, origin, `${pulseUrl}/codes?/make`, { count: '3' });
	expectStatus(printed, 200, 'making codes');
	const codes = codesIn(await printed.response.text());
	expect(codes).toHaveLength(3);
	// Limits on the server: at most 200 at a time.
	const tooMany = await postForm(team.asOwner, origin, `${pulseUrl}/codes?/make`, {
		count: '201'
	});
	expect(tooMany.status).toBe(400);
	expect(await tooMany.response.text()).toContain(t('codes_invalid', { max: '200' }));

	const items = await Promise.all(
		['0', '1'].map((p) =>
			team.one('select id from pulse_items where pulse_id = ? and position = ?', pulseId, p)
		)
	);
	const form = { [`item_${items[0]}`]: '4', [`item_${items[1]}`]: '9' };
	const responses = async () =>
		Number(
			await team.one(
				'select cast(count(*) as text) from pulse_responses where pulse_id = ?',
				pulseId
			)
		);

	// Cookie-less devices of a script on its own address: no code, a guessed one, refused.
	const script = client(origin, address(10));
	const none = await script.post(`/pulse/${code}`, form);
	expect([none.status, none.cookies]).toEqual([403, []]);
	expect(none.body).toContain(t('follow_pulse_access_required'));
	const guessed = await script.post(`/pulse/${code}`, { ...form, accessCode: 'ABCDE-FGHJK' });
	expect([guessed.status, guessed.cookies]).toEqual([403, []]);
	expect(guessed.body).toContain(t('room_problem_access_code_invalid'));
	// The enhanced form's JSON path is the same action.
	const enhanced = await script.post(`/pulse/${code}`, form, { enhanced: true });
	expect(JSON.parse(enhanced.body)).toMatchObject({ type: 'failure', status: 403 });
	expect(await responses()).toBe(0);

	// A code pays for one device's first answer; a second device with it is refused.
	const first = await script.post(`/pulse/${code}`, { ...form, accessCode: codes[0] });
	expect(first.status).toBe(303);
	expect(first.cookies).toHaveLength(1);
	const again = await script.post(`/pulse/${code}`, { ...form, accessCode: codes[0] });
	expect([again.status, again.cookies]).toEqual([403, []]);
	// That device changes its answers without a code.
	const changed = await script.post(
		`/pulse/${code}`,
		{ ...form, [`item_${items[0]}`]: '2' },
		{ cookie: first.cookies.join('; ') }
	);
	expect(changed.status).toBe(303);

	// Five devices send one code at the same instant: exactly one answer is stored.
	const rush = await Promise.all(
		Array.from({ length: 5 }, (_, i) =>
			client(origin, address(11 + i)).post(`/pulse/${code}`, { ...form, accessCode: codes[1] })
		)
	);
	expect(tally(rush)).toEqual({ 303: 1, 403: 4 });
	expect(await responses()).toBe(2);

	// Someone answered: the pulse cannot be made open now.
	const open = await postForm(team.asOwner, origin, `${pulseUrl}?/verified`, { verified: 'off' });
	expect(open.status).toBe(409);
	expect(await open.response.text()).toContain(t('pulse_access_refused'));

	// What staff can read: counts, never a code or its hash.
	const hashes = await team.one(
		"select group_concat(code_hash, ' ') from access_codes where pulse_id = ?",
		pulseId
	);
	const staffSees = [
		await (await team.asOwner.get(pulseUrl)).text(),
		await (await team.asOwner.get(`${pulseUrl}/codes`)).text()
	].join('\n');
	expect(staffSees).toContain(
		t('admission_codes_counts', { printed: '3', used: '2', unused: '1' })
	);
	const secrets = [...codes.flatMap((c) => [c, c.replace('-', '')]), ...hashes.split(' ')];
	expect(secrets.filter((s) => staffSees.includes(s))).toEqual([]);
	// The code rows hold a hash, a scope and a state; the responses nothing of a code.
	const columns = await team.one(
		"select group_concat(name, ' ') from (select name from pragma_table_info('access_codes') order by name)"
	);
	expect(columns).toBe('code_hash pulse_id state workshop_id');
	const responseColumns = await team.one(
		"select group_concat(name, ' ') from (select name from pragma_table_info('pulse_responses') order by name)"
	);
	expect(responseColumns).not.toMatch(/code/);
	script.close();
});

test('a facilitator makes a pulse verified, prints codes, a phone answers with a slip, a device without one is refused', async ({
	page,
	newContext,
	playwright,
	baseURL
}, testInfo) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	await signInContext(page.context(), team.origin, team.owner);

	// Verified when it is made (the box on the form); made open and verified again on its page.
	await page.goto(`${team.teamPath}/pulses`);
	await waitForHydration(page);
	await page.getByLabel(t('follow_pulse_with_safety')).uncheck();
	await page.getByLabel(t('follow_pulse_with_leaders', { leaders: team.leader.name })).uncheck();
	await page.getByLabel(t('pulse_access_create_verified')).check();
	await page.getByRole('button', { name: t('follow_pulse_create') }).click();
	await expect(page.getByText(t('pulse_access_verified_on'))).toBeVisible();
	await page.getByRole('button', { name: t('pulse_access_make_open') }).click();
	await expect(page.getByTestId('open-risk')).toHaveText(t('pulse_access_open_risk'));
	await page.getByRole('button', { name: t('pulse_access_make_verified') }).click();
	await expect(page.getByText(t('pulse_access_verified_on'))).toBeVisible();
	const pulseUrl = page.url();

	// Codes: the limit is said next to the field; then four slips.
	await page.getByRole('link', { name: t('admission_codes_link') }).click();
	await page.getByLabel(t('codes_count')).fill('4');
	await page.getByRole('button', { name: t('codes_make') }).click();
	await expect(page.getByTestId('one-time-code')).toHaveCount(4);
	const qr = (await page
		.getByRole('img', { name: t('codes_pulse_slip_qr_alt') })
		.first()
		.getAttribute('src'))!;
	expect(Buffer.from(qr.split(',')[1], 'base64').toString()).toContain('<svg');
	await page.screenshot({ path: testInfo.outputPath('pulse-codes.png'), fullPage: true });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: testInfo.outputPath('pulse-codes-print.png'), fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	const codes = await page.getByTestId('one-time-code').allTextContents();
	const link = (await page.locator('.slip .link').first().textContent())!.trim();
	expect(link).toMatch(/\/pulse\/[a-z0-9]+$/);

	// A phone scans a slip: the code arrives in the fragment, never in a request.
	const phone = new PulsePage(await (await newContext(PHONE)).newPage());
	await phone.page.goto(`${link}#k=${codes[0].replace('-', '')}`);
	await waitForHydration(phone.page);
	const access = phone.page.getByLabel(t('follow_pulse_access'));
	await expect(access).toHaveValue(codes[0].replace('-', ''));
	expect(new URL(phone.page.url()).hash).toBe('');
	await phone.page.screenshot({
		path: testInfo.outputPath('pulse-answer-code.png'),
		fullPage: true
	});
	await phone.answer([4, 9], 'More time to think');
	await expect(phone.thanks()).toBeVisible();
	// Its later changes need no code.
	await expect(access).toHaveCount(0);
	await phone.answer([2, 9]);
	await expect(phone.thanks()).toBeVisible();

	// A second device without a code: refused next to the field, its answers kept.
	const other = new PulsePage(await (await newContext(PHONE)).newPage());
	await other.page.goto(link);
	await waitForHydration(other.page);
	await other.answer([5, 7], 'Fewer meetings');
	const refusal = other.page.locator('#pulse-access-error');
	await expect(refusal).toHaveText(t('follow_pulse_access_required'));
	await expect(other.page.getByLabel(t('follow_pulse_access'))).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(other.questions().nth(0).getByRole('radio', { name: /^5\b/ })).toBeChecked();
	await expect(other.page.locator('#pulse-open')).toHaveValue('Fewer meetings');
	// The code the phone used is spent.
	await other.page.getByLabel(t('follow_pulse_access')).fill(codes[0]);
	await other.submit().click();
	await expect(refusal).toHaveText(t('room_problem_access_code_invalid'));

	// Without JavaScript a typed code works the same.
	const plain = new PulsePage(
		await (await newContext({ ...PHONE, javaScriptEnabled: false })).newPage()
	);
	await plain.page.goto(link);
	await plain.page.getByLabel(t('follow_pulse_access')).fill(codes[1].toLowerCase());
	await plain.answer([3, 8]);
	await expect(plain.thanks()).toBeVisible();

	// Staff see how many codes were used, not which; the setting is fixed now.
	await page.goto(pulseUrl);
	await expect(page.getByTestId('code-counts')).toHaveText(
		t('admission_codes_counts', { printed: '4', used: '2', unused: '2' })
	);
	await expect(page.getByText(t('pulse_access_fixed'))).toBeVisible();
	await expect(page.getByRole('button', { name: t('pulse_access_make_open') })).toHaveCount(0);
	await page
		.getByRole('region', { name: t('pulse_access_title') })
		.screenshot({ path: testInfo.outputPath('pulse-access.png') });
});
