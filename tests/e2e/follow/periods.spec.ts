import { createClient } from '@libsql/client';
import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';
import { SiteHeader } from '../pages/SiteHeader';
import { postForm } from '../requests';
import { answerPulseByRequest, followTeam, type FollowTeam } from './setup';

/**
 * A head of HR narrows the organisation's dashboard to a quarter: the numbers are of this
 * quarter's pulse checks, the change is against the quarter before, labelled with both, and
 * flagged because it is larger than its uncertainty for nine people; the same in Dutch. A
 * period that makes no sense gets a message beside the field, not an error page.
 */

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Today's calendar quarter and a day in the one before, as the app reads days (UTC). */
function quarters() {
	const now = new Date();
	const q = Math.floor(now.getUTCMonth() / 3);
	const before = new Date(Date.UTC(now.getUTCFullYear(), q * 3 - 2, 15));
	return {
		current: { n: q + 1, year: now.getUTCFullYear() },
		previous: { n: Math.floor(before.getUTCMonth() / 3) + 1, year: before.getUTCFullYear() },
		dayBefore: before.toISOString().slice(0, 10)
	};
}

/** A pulse opened today, answered by one new device per list of scores (value 1, value 2, eNPS). */
async function pulseAnsweredBy(team: FollowTeam, answers: number[][]) {
	const made = await postForm(team.asOwner, team.origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	const id = made.location.split('/').at(-1)!;
	const code = await team.one('select code from pulses where id = ?', id);
	const items = await Promise.all(
		[0, 1, 2].map((position) =>
			team.one(
				'select id from pulse_items where pulse_id = ? and position = ?',
				id,
				String(position)
			)
		)
	);
	for (const scores of answers) await answerPulseByRequest(team, code, items, scores);
	return id;
}

test('a head of HR narrows the organisation dashboard to a quarter and sees the flagged change, in English and Dutch', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour', 'Ownership'], {
		minGroupSize: 3
	});
	const { current, previous, dayBefore } = quarters();
	// Last quarter: nine people, 4 of 18 value answers favourable (22 %).
	const last = await pulseAnsweredBy(team, [
		...Array.from({ length: 7 }, () => [2, 3, 5]),
		[4, 4, 9],
		[4, 4, 9]
	]);
	// The app opens pulses from today on; the one of last quarter is moved there in the database.
	const db = createClient({ url: 'file:tests/.output/e2e.db', timeout: 5000 });
	await db.execute({
		sql: 'update pulses set opens_on = ?, closes_on = ? where id = ?',
		args: [dayBefore, dayBefore, last]
	});
	db.close();
	// This quarter: nine people, 16 of 18 favourable (89 %). +67 points; with nine people on each
	// side the margin is 1.96 · √(0.556 · 0.444 · 2/9) = 46 points: flagged.
	await pulseAnsweredBy(team, [...Array.from({ length: 8 }, () => [5, 4, 9]), [2, 2, 3]]);

	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`/o/${team.orgId}/dashboard`);
	const picker = page.getByRole('form', { name: t('follow_period_label') });
	await picker.getByLabel(t('follow_period_label')).selectOption('quarter');
	await picker.getByRole('button', { name: t('follow_period_show') }).click();
	await expect(page).toHaveURL(/[?&]period=quarter/);
	const thisQuarter = t('follow_period_quarter_name', current);
	const lastQuarter = t('follow_period_quarter_name', previous);
	const sentence = page.getByTestId('period');
	await expect(sentence).toContainText(thisQuarter);
	await expect(sentence).toContainText(lastQuarter);
	const figures = page.getByRole('region', { name: t('follow_dash_now') });
	await expect(figures).toContainText('89 %');
	await expect(figures).toContainText(
		t('follow_period_change', { change: '+67', previous: lastQuarter })
	);
	await expect(figures.getByTestId('change-flag').first()).toHaveText(
		t('follow_period_flag_real', { margin: 46 })
	);
	// The team's row: the same change, flagged, with its uncertainty.
	const row = page
		.getByRole('region', { name: t('follow_dash_teams_title') })
		.getByRole('row', { name: /^Follow / });
	await expect(row).toContainText('+67');
	await expect(row).toContainText(t('follow_period_change_flagged'));
	await expect(row).toContainText('± 46');
	await page.screenshot({ path: 'tests/.output/screens/follow-org-quarter.png', fullPage: true });

	// The quarter before, by its link: the numbers of then.
	await page
		.getByRole('link', { name: t('follow_period_earlier', { period: lastQuarter }) })
		.click();
	await expect(figures).toContainText('22 %');

	// In Dutch: the same period and flag, in Dutch words.
	await page.goBack();
	await new SiteHeader(page).switchLanguage('nl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	const nlPicker = page.getByRole('form', { name: t('follow_period_label', {}, 'nl') });
	await expect(nlPicker.getByLabel(t('follow_period_label', {}, 'nl'))).toHaveValue('quarter');
	await expect(
		nlPicker.getByRole('option', { name: t('follow_period_quarter', {}, 'nl') })
	).toHaveCount(1);
	const vorig = t('follow_period_quarter_name', previous, 'nl');
	await expect(page.getByTestId('period')).toContainText(
		t('follow_period_quarter_name', current, 'nl')
	);
	await expect(page.getByRole('region', { name: t('follow_dash_now', {}, 'nl') })).toContainText(
		t('follow_period_change', { change: '+67', previous: vorig }, 'nl')
	);
	await expect(page.getByTestId('change-flag').first()).toHaveText(
		t('follow_period_flag_real', { margin: 46 }, 'nl')
	);
	await page.screenshot({
		path: 'tests/.output/screens/follow-org-quarter-nl.png',
		fullPage: true
	});
});

test('a period that makes no sense is said beside the field, without JavaScript, never an error page', async ({
	newContext,
	playwright,
	baseURL
}) => {
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const context = await newContext({ javaScriptEnabled: false });
	await signInContext(context, team.origin, team.owner);
	const page = await context.newPage();
	for (const [query, refusal, field] of [
		['period=custom&from=2026-02-30&to=2026-03-31', 'follow_period_error_bad_date', 'from'],
		['period=custom&from=2026-03-31&to=2026-01-01', 'follow_period_error_from_after_to', 'to'],
		['period=custom&from=1900-01-01&to=2026-01-01', 'follow_period_error_out_of_range', 'from'],
		['period=fortnight', 'follow_period_error_unknown_kind', 'period'],
		['period=quarter&at=%27%3Bdrop', 'follow_period_error_bad_date', 'period']
	] as const) {
		for (const path of [`/o/${team.orgId}/dashboard`, `${team.teamPath}/dashboard`]) {
			const response = await page.goto(`${path}?${query}`);
			expect(response?.status(), `${path}?${query}`).toBe(200);
			await expect(page.getByRole('alert')).toContainText(t(refusal));
			const control =
				field === 'period'
					? page.getByRole('combobox', { name: t('follow_period_label') })
					: page.getByLabel(t(field === 'from' ? 'follow_period_from' : 'follow_period_to'));
			await expect(control).toHaveAttribute('aria-invalid', 'true');
		}
	}
	// A sound custom period, by the form: the sentence names its days and the days before.
	await page.goto(`${team.teamPath}/dashboard`);
	await page.getByRole('combobox', { name: t('follow_period_label') }).selectOption('custom');
	await page.getByLabel(t('follow_period_from')).fill('2026-01-01');
	await page.getByLabel(t('follow_period_to')).fill('2026-01-31');
	await page.getByRole('button', { name: t('follow_period_show') }).click();
	await expect(page.getByTestId('period')).toContainText(
		t('follow_period_showing_days', { range: '@', days: 31, previousRange: '@' }).split('@')[1]
	);
});
