import { createClient } from '@libsql/client';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../../src/lib/server/db';
import { exportOrganisation } from '../../../src/lib/server/data/export';
import { signInContext } from '../accounts';
import { buildWorld, type World } from '../access/world';
import { expect, expectAccessible, test } from '../fixtures';
import { postJson, requestAs } from '../requests';
import { t } from '../messages';

/**
 * Data protection, in the browser: the owner downloads everything the organisation holds
 * (participants anonymous), then deletes a workshop, a team and the whole organisation, each
 * confirmed by typing its name; the rows are gone from the database, other organisations
 * and the people's accounts are not.
 */

const DB = 'file:tests/.output/e2e.db';

test.describe('an owner takes the data out, then deletes it', () => {
	let world: World;
	const reader = createClient({ url: DB, timeout: 5000 });
	const one = async (sql: string, ...args: string[]) =>
		String((await reader.execute({ sql, args })).rows[0]?.[0] ?? '');
	const count = async (sql: string, ...args: string[]) =>
		Number((await reader.execute({ sql, args })).rows[0]?.[0] ?? 0);

	test.beforeAll(async ({ playwright }, testInfo) => {
		world = await buildWorld(playwright.request, new URL(testInfo.project.use.baseURL!).origin);
		// Workshop W has answers: its participant rates.
		const participant = await requestAs(
			playwright.request,
			world.origin,
			world.actors.partA.cookies
		);
		const items = [world.valueA].flatMap((v) => [`${v}:current`]);
		const answered = await postJson(
			participant,
			world.origin,
			`/live/${world.workshop.id}/answers`,
			{
				activityId: world.workshop.activityId,
				answers: Object.fromEntries(items.map((item) => [item, 4]))
			}
		);
		expect(answered.status, await answered.response.text()).toBe(200);
		await participant.dispose();
	});
	test.afterAll(async () => {
		reader.close();
		await world?.dispose();
	});

	test('export, delete a workshop, a team, the organisation', async ({
		page,
		playwright
	}, testInfo) => {
		test.setTimeout(90_000);
		const owner = world.actors.owner.account!;
		await signInContext(page.context(), world.origin, owner);
		const orgName = owner.organisation;

		// The way there: settings, then the data page.
		await page.goto(`/o/${world.org}/settings`);
		await page.getByRole('link', { name: t('data_settings_link') }).click();
		await expect(page.getByRole('heading', { level: 1, name: t('data_title') })).toBeVisible();
		await page.screenshot({ path: testInfo.outputPath('data.png'), fullPage: true });

		// The export: everything of this organisation, nobody's secrets.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: t('data_export_download') }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^undercurrent-.+-\d{4}-\d\d-\d\d\.json$/);
		const text = readFileSync(await download.path(), 'utf8');
		const exported = JSON.parse(text);
		expect(exported.organisation).toMatchObject({ id: world.org, name: orgName });
		expect(exported.tables.teams.map((r: { id: string }) => r.id).sort()).toEqual(
			[world.teamA, world.teamB].sort()
		);
		expect(exported.tables.participants).toContainEqual({
			workshop_id: world.workshop.id,
			count: 1
		});
		// One person answered W's rating: below the minimum group size, never released, so
		// nothing of it at all; single answers are never exported.
		expect(exported.tables.votes).toBeUndefined();
		for (const table of ['released_counts', 'vote_releases']) {
			expect(exported.tables[table]).not.toContainEqual(
				expect.objectContaining({ activity_id: world.workshop.activityId })
			);
		}
		for (const secret of [
			world.actors.partA.cookies[`p_${world.workshop.id}`],
			owner.sessionToken,
			world.otherOrg,
			world.otherTeam
		]) {
			expect(text).not.toContain(secret);
		}
		expect(text).not.toMatch(/password_hash|token_hash|"nickname"|participant_id/);

		// A workshop: the wrong name is refused next to the field, the right one deletes it.
		const title = await one('select title from workshops where id = ?', world.workshop.id);
		await page.goto(`/o/${world.org}/t/${world.teamA}/workshops/${world.workshop.id}`);
		const confirmWorkshop = page.getByLabel(t('data_confirm_label', { name: title }));
		await confirmWorkshop.fill('Not the title');
		await page.getByRole('button', { name: t('data_delete_workshop_submit') }).click();
		await expect(page.getByText(t('data_error_name_mismatch'))).toBeVisible();
		await expect(confirmWorkshop).toHaveAttribute('aria-invalid', 'true');
		await expectAccessible(page);
		await page
			.locator('.danger-zone')
			.screenshot({ path: testInfo.outputPath('workshop-delete-refused.png') });
		expect(await count('select count(*) from workshops where id = ?', world.workshop.id)).toBe(1);
		await confirmWorkshop.fill(title);
		await page.getByRole('button', { name: t('data_delete_workshop_submit') }).click();
		await expect(page.getByText(t('data_workshop_deleted'))).toBeVisible();
		await expect(page).toHaveURL(new RegExp(`/t/${world.teamA}/workshops\\?deleted=workshop$`));
		for (const table of ['activities', 'participants']) {
			expect(
				await count(`select count(*) from ${table} where workshop_id = ?`, world.workshop.id)
			).toBe(0);
		}
		expect(
			await count('select count(*) from votes where activity_id = ?', world.workshop.activityId)
		).toBe(0);
		// Its participant's cookie opens nothing any more.
		const participant = await requestAs(
			playwright.request,
			world.origin,
			world.actors.partA.cookies
		);
		const late = await postJson(participant, world.origin, `/live/${world.workshop.id}/answers`, {
			activityId: world.workshop.activityId,
			answers: { [`${world.valueA}:current`]: 3 }
		});
		expect(late.status).toBeGreaterThanOrEqual(400);
		expect(late.status).toBeLessThan(500);
		await participant.dispose();

		// A team, with its workshop and map.
		const teamB = await one('select name from teams where id = ?', world.teamB);
		await page.goto(`/o/${world.org}/t/${world.teamB}`);
		await page.screenshot({ path: testInfo.outputPath('team.png'), fullPage: true });
		await page.getByLabel(t('data_confirm_label', { name: teamB })).fill(teamB);
		await page.getByRole('button', { name: t('data_delete_team_submit') }).click();
		await expect(page.getByText(t('data_team_deleted'))).toBeVisible();
		await expect(page.getByRole('link', { name: teamB })).toHaveCount(0);
		expect(await count('select count(*) from teams where id = ?', world.teamB)).toBe(0);
		expect(await count('select count(*) from workshops where id = ?', world.otherWorkshop.id)).toBe(
			0
		);
		expect(await count('select count(*) from culture_values where id = ?', world.valueB)).toBe(0);

		// The organisation: nothing of it is left, its people keep their accounts.
		await page.goto(`/o/${world.org}/settings/data`);
		await page.getByLabel(t('data_confirm_label', { name: orgName })).fill(orgName);
		await page.getByRole('button', { name: t('data_delete_org_submit', { org: orgName }) }).click();
		await expect(page).toHaveURL(/\/orgs\/new$/);
		const { db, client } = await openDatabase({ url: DB });
		try {
			const left = await exportOrganisation(db, { id: world.org, name: orgName, minGroupSize: 5 });
			const remaining = Object.entries(left.tables).filter(([, rows]) => rows.length > 0);
			expect(remaining).toEqual([]);
		} finally {
			client.close();
		}
		expect(
			await count('select count(*) from users where id = ?', world.actors.facA.account!.userId)
		).toBe(1);
		expect(await count('select count(*) from organisations where id = ?', world.otherOrg)).toBe(1);
		expect(await count('select count(*) from teams where id = ?', world.otherTeam)).toBe(1);
	});
});
