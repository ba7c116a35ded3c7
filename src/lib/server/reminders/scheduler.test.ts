import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isoDate } from '../../room/dates';
import { addDays } from '../../domain/pulse';
import { addTeamMember, createTeam, createUserWithOrganisation } from '../accounts/queries';
import { database } from '../db';
import { cultureValues, reminders } from '../db/schema';
import { newId } from '../ids';
import { createPulse } from '../pulses/queries';
import { mailSettingsFromEnv } from './mailer';
import { announcePulse, reminderSettings, startReminders, stopReminders } from './scheduler';
import { startSmtpSink } from './testing';

/** The scheduler as the server runs it: settings from the environment, the app's database. */

const dir = mkdtempSync(join(tmpdir(), 'reminders-scheduler-'));
beforeAll(() => vi.stubEnv('DATABASE_URL', `file:${join(dir, 'app.db')}`));
afterAll(() => {
	vi.unstubAllEnvs();
	rmSync(dir, { recursive: true, force: true });
});
afterEach(() => stopReminders());

/** A team of one with a pulse that opens today. */
async function pulseOpeningToday() {
	const db = await database();
	const { user, orgId } = await createUserWithOrganisation(
		db,
		{ email: `${newId()}@example.org`, name: 'Mia', passwordHash: 'x' },
		'Acme'
	);
	const teamId = await createTeam(db, orgId, 'Support');
	await addTeamMember(db, orgId, teamId, user.id);
	await db
		.insert(cultureValues)
		.values({ id: newId(), teamId, name: 'Candour', nameKey: 'candour', position: 0 });
	const today = isoDate(new Date());
	return createPulse(db, {
		teamId,
		opensOn: today,
		closesOn: addDays(today, 6),
		cadenceWeeks: 4,
		openQuestion: 'What would you change?',
		withSafety: false,
		createdBy: user.id
	});
}

describe('the mail settings', () => {
	it('are off without SMTP_URL, off when it is no smtp URL, and never show its password', () => {
		expect(mailSettingsFromEnv({})).toEqual({ enabled: false, reason: 'not_set' });
		expect(mailSettingsFromEnv({ SMTP_URL: '  ' })).toEqual({ enabled: false, reason: 'not_set' });
		expect(mailSettingsFromEnv({ SMTP_URL: 'mail.example.org' })).toEqual({
			enabled: false,
			reason: 'invalid'
		});
		expect(mailSettingsFromEnv({ SMTP_URL: 'https://mail.example.org' })).toMatchObject({
			reason: 'invalid'
		});
		const on = mailSettingsFromEnv({
			SMTP_URL: 'smtps://ann:s3cret@mail.example.org:465',
			ORIGIN: 'https://culture.example.org/'
		});
		expect(on).toMatchObject({
			enabled: true,
			server: 'mail.example.org:465',
			origin: 'https://culture.example.org',
			from: 'Undercurrent <reminders@culture.example.org>'
		});
		expect(JSON.stringify({ ...on, url: undefined })).not.toContain('s3cret');
	});
});

describe('the scheduler', () => {
	it('with no SMTP configured starts nothing, sends nothing and raises nothing', async () => {
		vi.stubEnv('SMTP_URL', '');
		const sink = await startSmtpSink();
		try {
			const pulseId = await pulseOpeningToday();
			expect(reminderSettings()).toEqual({ enabled: false, reason: 'not_set' });
			expect(() => startReminders()).not.toThrow();
			await expect(announcePulse(pulseId)).resolves.toBeUndefined();
			expect(sink.mails).toHaveLength(0);
			expect(await (await database()).select().from(reminders)).toEqual([]);
		} finally {
			await sink.close();
		}
	});

	it('announces a new pulse at once; with the mail server down it records the failure and does not reject', async () => {
		const down = await startSmtpSink();
		await down.close();
		vi.stubEnv('SMTP_URL', down.url);
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const pulseId = await pulseOpeningToday();
		await expect(announcePulse(pulseId)).resolves.toBeUndefined();
		const db = await database();
		const rows = await db.select().from(reminders);
		expect(rows.filter((r) => r.subjectId === pulseId).map((r) => r.state)).toEqual(['failed']);
		expect(error).toHaveBeenCalled();
		error.mockRestore();

		stopReminders();
		const sink = await startSmtpSink();
		vi.stubEnv('SMTP_URL', sink.url);
		try {
			const next = await pulseOpeningToday();
			await announcePulse(next);
			expect(sink.mails.map((m) => m.subject)).toEqual([
				expect.stringMatching(/^Pulse check for Support: open until /)
			]);
		} finally {
			await sink.close();
		}
	});
});
