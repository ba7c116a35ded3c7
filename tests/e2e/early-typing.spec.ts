import type { Page } from '@playwright/test';
import { newAccountDetails, signInContext, signUpByRequest } from './accounts';
import { expect, test, waitForHydration } from './fixtures';
import { t } from './messages';
import { followTeam } from './follow/setup';
import { PulsePage } from './pages/PulsePage';
import { createTeamByRequest, expectStatus, postForm, requestAs } from './requests';
import { RoomPage } from './room/RoomPage';
import { PHONE } from './trust/room';
import { startedWorkshop } from './workshops/started-workshop';

/**
 * On a slow phone people type before the scripts arrive. Hydration must keep what they typed
 * (an input rendered with `value=""` is emptied by Svelte when it hydrates), what they opened
 * (a `<details>` with `open={...}` is shut) and what they chose (a `<select value={...}>` is set
 * back; `selected` on the options is not).
 */

/** Holds every script of the app until `release()` is called. */
async function holdScripts(page: Page) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const held: Promise<void>[] = [];
	const pattern = '**/_app/immutable/**/*.js';
	await page.route(pattern, (route) => {
		const done = released.then(() => route.continue());
		held.push(done);
		return done;
	});
	return {
		async release() {
			release();
			await Promise.all(held);
			await page.unroute(pattern);
		}
	};
}

test('a participant types the code and a nickname before the scripts arrive', async ({ page }) => {
	const scripts = await holdScripts(page);
	await page.goto('/join', { waitUntil: 'domcontentloaded' });
	const code = page.getByLabel(t('room_join_code'));
	const nickname = page.getByLabel(t('room_join_nickname'));
	await code.fill('ABCDEF');
	await nickname.fill('Early bird');
	// A verified room's one-time code, typed from a printed slip.
	const access = page.getByLabel(t('room_join_access'));
	await access.fill('K7M2P9QX');

	await scripts.release();
	// Hydration runs as soon as the last module has loaded.
	await waitForHydration(page);
	await expect(code).toHaveValue('ABCDEF');
	await expect(nickname).toHaveValue('Early bird');
	await expect(access).toHaveValue('K7M2P9QX');
});

test('a facilitator names a workshop before the scripts arrive', async ({
	page,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const owner = await signUpByRequest(
		await requestAs(playwright.request, origin),
		origin,
		newAccountDetails('early-typing')
	);
	const asOwner = await requestAs(playwright.request, origin, { session: owner.sessionToken });
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, 'Early typists');
	await signInContext(page.context(), origin, owner);

	const scripts = await holdScripts(page);
	await page.goto(`/o/${owner.orgId}/t/${teamId}/workshops`, { waitUntil: 'domcontentloaded' });
	const title = page.getByLabel(t('workshop_field_title'), { exact: true });
	await title.fill('Kick-off');
	await scripts.release();
	await waitForHydration(page);
	await expect(title).toHaveValue('Kick-off');

	await page.getByRole('button', { name: t('workshop_create_submit') }).click();
	await expect(page).toHaveURL(/\/workshops\/[a-z0-9]+$/);

	// On the workshop's page they open "Rename" while it is still loading: it stays open.
	const again = await holdScripts(page);
	await page.reload({ waitUntil: 'domcontentloaded' });
	const rename = page.locator('#rename-title');
	await expect(rename).toBeHidden();
	await page.getByText(t('workshop_rename'), { exact: true }).click();
	await expect(rename).toBeVisible();
	await again.release();
	await waitForHydration(page);
	await expect(rename).toBeVisible();
	await rename.fill('Kick-off, renamed');
	await rename.press('Enter');
	await expect(page.getByRole('heading', { name: 'Kick-off, renamed' })).toBeVisible();
});

test('a pulse is set up and answered before the scripts arrive', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	await signInContext(page.context(), team.origin, team.owner);

	// A prefilled field (the suggested cadence, 4 weeks) and a ticked box (the psychological-safety
	// statements) changed while the page loads.
	const scripts = await holdScripts(page);
	await page.goto(`${team.teamPath}/pulses`, { waitUntil: 'domcontentloaded' });
	const cadence = page.getByLabel(t('follow_pulse_cadence'));
	await expect(cadence).toHaveValue('4');
	await cadence.fill('6');
	const safety = page.getByLabel(t('follow_pulse_with_safety'));
	await safety.uncheck();
	await scripts.release();
	await waitForHydration(page);
	await expect(cadence).toHaveValue('6');
	await expect(safety).not.toBeChecked();
	await page.getByRole('button', { name: t('follow_pulse_create') }).click();
	await expect(page).toHaveURL(/\/pulses\/[a-z0-9]+$/);
	const pulseId = new URL(page.url()).pathname.split('/').at(-1)!;
	expect(
		await team.one('select cast(cadence_weeks as text) from pulses where id = ?', pulseId)
	).toBe('6');
	const link = await page
		.getByRole('region', { name: t('follow_pulse_share_title') })
		.getByRole('link')
		.textContent();

	// Radio buttons picked on a phone while the page loads stay picked, and are sent.
	const respondent = new PulsePage(await (await newContext()).newPage());
	const held = await holdScripts(respondent.page);
	await respondent.page.goto(new URL(link!).pathname, { waitUntil: 'domcontentloaded' });
	// Candour, the team's leader (asked about by default) and the eNPS question: no safety.
	await expect(respondent.questions()).toHaveCount(3);
	const picks = [4, 5, 9];
	for (const [i, score] of picks.entries()) {
		await respondent
			.questions()
			.nth(i)
			.getByRole('radio', { name: new RegExp(`^${score}\\b`) })
			.check();
	}
	await held.release();
	await waitForHydration(respondent.page);
	for (const [i, score] of picks.entries()) {
		await expect(
			respondent
				.questions()
				.nth(i)
				.getByRole('radio', { name: new RegExp(`^${score}\\b`) })
		).toBeChecked();
	}
	await respondent.submit().click();
	await expect(respondent.thanks()).toBeVisible();
});

test('a preselected choice changed before the scripts arrive stays changed', async ({
	page,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	await signInContext(page.context(), team.origin, team.owner);
	const leaderId = await team.one('select id from users where email = ?', team.leader.email);

	// The commitments filtered by the leader: their option comes selected; they pick "Open"
	// status and then "every leader" while the page loads.
	const scripts = await holdScripts(page);
	await page.goto(`${team.teamPath}/commitments?leader=${leaderId}`, {
		waitUntil: 'domcontentloaded'
	});
	const leader = page.locator('#filter-leader');
	const status = page.locator('#filter-status');
	await expect(leader).toHaveValue(leaderId);
	await leader.selectOption('');
	await status.selectOption('open');
	await scripts.release();
	await waitForHydration(page);
	await expect(leader).toHaveValue('');
	await expect(status).toHaveValue('open');
});

test("a verified pulse's one-time code typed before the scripts arrive is kept and sent", async ({
	page,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const day = (offset: number) =>
		new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
	const made = await postForm(team.asOwner, team.origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?',
		verified: 'on'
	});
	expectStatus(made, 303, 'creating a verified pulse');
	const printed = await postForm(team.asOwner, team.origin, `${made.location}/codes?/make`, {
		count: '1'
	});
	const [key] = [
		...(await printed.response.text()).matchAll(/data-testid="one-time-code"[^>]*>([A-Z0-9-]+)</g)
	].map((m) => m[1]);
	const pulseId = made.location.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', pulseId);

	const respondent = new PulsePage(page);
	const scripts = await holdScripts(page);
	await page.goto(`/pulse/${code}`, { waitUntil: 'domcontentloaded' });
	const access = page.getByLabel(t('follow_pulse_access'));
	await access.fill(key);
	await scripts.release();
	await waitForHydration(page);
	await expect(access).toHaveValue(key);
	// Candour and the eNPS question (no leaders, no safety when made by a bare form post).
	await respondent.answer([4, 9]);
	await expect(respondent.thanks()).toBeVisible();
});

test('a rating tapped before the scripts arrive stays tapped and is saved', async ({
	newContext,
	playwright,
	baseURL
}) => {
	const w = await startedWorkshop(playwright.request, baseURL!, 'Early rating', {
		values: ['Ownership', 'Candour'],
		phones: 0
	});
	const rate = w.find('rate');
	await w.pace({ type: 'goto', index: rate.position });
	const ann = new RoomPage(await (await newContext(PHONE)).newPage());
	await ann.page.goto(`/join/${w.joinCode}`);
	await ann.join(null);
	await expect(ann.heading()).toHaveText(rate.title);
	const question = ann.ratingOf(t('room_rate_q_current', { value: 'Ownership' }));
	const saved = ann.page.getByText(t('common_saved'));

	// Ann rates 2 with the page running; the server keeps it.
	await waitForHydration(ann.page);
	await ann.score(question, 2).check({ force: true });
	await expect(saved).toBeAttached();

	// On a slow connection she changes her mind before the scripts of the reloaded page arrive.
	const scripts = await holdScripts(ann.page);
	await ann.page.reload({ waitUntil: 'domcontentloaded' });
	await expect(ann.score(question, 2)).toBeChecked();
	await ann.score(question, 4).check({ force: true });
	await scripts.release();
	await waitForHydration(ann.page);
	// Hydration keeps her tap, and the page sends it.
	await expect(ann.score(question, 4)).toBeChecked();
	await expect(saved).toBeAttached();
	await expect(ann.page.getByText(t('room_rate_progress', { done: 1, total: 4 }))).toBeVisible();

	// The server has it: the next page it renders shows 4.
	await ann.page.reload();
	await expect(ann.score(question, 4)).toBeChecked();
	await expect(ann.score(question, 2)).not.toBeChecked();
	await w.dispose();
});

test('a card and dots typed before the scripts arrive are kept and sent', async ({
	newContext,
	playwright,
	baseURL
}) => {
	const w = await startedWorkshop(playwright.request, baseURL!, 'Early dots', {
		values: ['Ownership', 'Candour'],
		phones: 0
	});
	const ann = new RoomPage(await (await newContext(PHONE)).newPage());
	await ann.page.goto(`/join/${w.joinCode}`);
	await ann.join(null);

	const collect = w.find('collect');
	await w.pace({ type: 'goto', index: collect.position });
	await expect(ann.heading()).toHaveText(collect.title);
	let scripts = await holdScripts(ann.page);
	await ann.page.reload({ waitUntil: 'domcontentloaded' });
	await ann.cardText().fill('We say what we think');
	await scripts.release();
	await waitForHydration(ann.page);
	await expect(ann.cardText()).toHaveValue('We say what we think');

	const dots = w.find('dot_vote');
	await w.pace({ type: 'goto', index: dots.position });
	await expect(ann.heading()).toHaveText(dots.title);
	scripts = await holdScripts(ann.page);
	await ann.page.reload({ waitUntil: 'domcontentloaded' });
	await ann.spendInput('Ownership').fill('2');
	await scripts.release();
	await waitForHydration(ann.page);
	await expect(ann.spendInput('Ownership')).toHaveValue('2');
	await ann.button('room_dots_save').click();
	await expect(ann.page.getByText(t('common_saved'))).toBeVisible();
	await ann.page.reload();
	await expect(ann.spendInput('Ownership')).toHaveValue('2');
	await w.dispose();
});
