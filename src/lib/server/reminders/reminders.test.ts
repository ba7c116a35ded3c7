import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/pulse';
import {
	addTeamMember,
	createTeam,
	createUserWithOrganisation,
	removeTeamMember
} from '../accounts/queries';
import { openDatabase, type Database } from '../db';
import { commitments, cultureValues, memberships, reminders, users } from '../db/schema';
import { testDatabase } from '../db/testing';
import { newId } from '../ids';
import { createPulse, listItems, savePulseResponse } from '../pulses/queries';
import { mailSettingsFromEnv, smtpMailer, type Mailer } from './mailer';
import { sendReminders } from './send';
import { startSmtpSink, type SmtpSink } from './testing';

const ORIGIN = 'https://culture.example.org';
const TODAY = '2026-12-07';
const NOW = new Date(`${TODAY}T09:00:00Z`);
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const SECRET_ANSWER = 'The director never listens to anyone';
const quiet = { error: () => {} };

let sink: SmtpSink;
let mailer: Mailer;
beforeEach(async () => {
	sink = await startSmtpSink();
	mailer = mailerFor(sink.url);
});
afterEach(() => sink.close());

function mailerFor(url: string): Mailer {
	const settings = mailSettingsFromEnv({
		SMTP_URL: url,
		ORIGIN,
		MAIL_FROM: 'Undercurrent <reminders@culture.example.org>'
	});
	if (!settings.enabled) throw new Error('mail settings refused');
	return smtpMailer(settings);
}

/**
 * An organisation with an English team (Lena, a leader, and Mia, a facilitator) and a Dutch
 * team (Joost, a leader): Lena's commitment is due today, Joost's was due yesterday; others are
 * closed, long overdue or not yet due; the English team's pulse opened today and has an answer,
 * the Dutch team's opens next week.
 */
async function fill(db: Database) {
	const { orgId } = await createUserWithOrganisation(
		db,
		{ email: 'olga@example.org', name: 'Olga', passwordHash: 'x' },
		'Acme'
	);
	const english = await createTeam(db, orgId, 'Support', { language: 'en' });
	const dutch = await createTeam(db, orgId, 'Zorg', { language: 'nl' });
	const people = { lena: newId(), mia: newId(), joost: newId() };
	const roles = { lena: 'leader', mia: 'facilitator', joost: 'leader' } as const;
	for (const [name, id] of Object.entries(people) as [keyof typeof people, string][]) {
		await db.insert(users).values({
			id,
			email: `${name}@example.org`,
			name: name[0].toUpperCase() + name.slice(1),
			passwordHash: 'x'
		});
		await db.insert(memberships).values({ orgId, userId: id, role: roles[name] });
		await addTeamMember(db, orgId, name === 'joost' ? dutch : english, id);
	}
	const values = { english: newId(), dutch: newId() };
	await db.insert(cultureValues).values([
		{ id: values.english, teamId: english, name: 'Candour', nameKey: 'candour', position: 0 },
		{ id: values.dutch, teamId: dutch, name: 'Openheid', nameKey: 'openheid', position: 0 }
	]);
	const commitment = (
		id: string,
		leaderId: string,
		dueOn: string,
		status: 'open' | 'done' = 'open',
		team = english
	) => ({
		id,
		teamId: team,
		valueId: team === english ? values.english : values.dutch,
		leaderId,
		action: `${id}: open every retro with what went well`,
		signal: 'People speak first',
		dueOn,
		status,
		doneAt: status === 'done' ? NOW : null
	});
	await db
		.insert(commitments)
		.values([
			commitment('due-today', people.lena, TODAY),
			commitment('overdue', people.joost, addDays(TODAY, -1), 'open', dutch),
			commitment('done-today', people.lena, TODAY, 'done'),
			commitment('long-overdue', people.lena, addDays(TODAY, -30)),
			commitment('due-tomorrow', people.lena, addDays(TODAY, 1))
		]);
	const pulse = { teamId: english, cadenceWeeks: 4, withSafety: false, createdBy: people.mia };
	const pulseId = await createPulse(db, {
		...pulse,
		opensOn: TODAY,
		closesOn: addDays(TODAY, 6),
		openQuestion: 'What would you change?'
	});
	const items = await listItems(db, pulseId);
	await savePulseResponse(db, {
		pulse: { id: pulseId, teamId: english },
		tokenHash: 'respondent',
		scores: new Map(items.map((item) => [item.id, item.kind === 'enps' ? 2 : 1])),
		open: SECRET_ANSWER,
		now: NOW
	});
	const laterPulseId = await createPulse(db, {
		...pulse,
		teamId: dutch,
		createdBy: people.joost,
		opensOn: addDays(TODAY, 7),
		closesOn: addDays(TODAY, 13),
		openQuestion: 'Wat zou jij veranderen?'
	});
	const [{ code }] = await db.all<{ code: string }>(
		`select code from pulses where id = '${pulseId}'`
	);
	return { orgId, english, dutch, people, pulseId, laterPulseId, code };
}

const byRecipientAndSubject = (a: { to: string[]; subject: string }, b: typeof a) =>
	`${a.to} ${a.subject}`.localeCompare(`${b.to} ${b.subject}`);

describe('reminders by e-mail, on libsql, through a real SMTP server', () => {
	let db: Database;
	let close: () => void;
	beforeEach(async () => ({ db, close } = await testDatabase()));
	afterEach(() => close());

	it('mails the leader of a commitment due today or just overdue, and the team of a pulse that opened, each in the team language', async () => {
		const { orgId, english, dutch, code } = await fill(db);
		const run = await sendReminders(db, mailer, { now: NOW, origin: ORIGIN, log: quiet });
		expect(run).toEqual({ sent: 4, failed: 0, skipped: 0 });

		const mails = [...sink.mails].sort(byRecipientAndSubject);
		expect(mails.map((m) => [m.to, m.subject])).toEqual([
			[
				['joost@example.org'],
				'Over tijd sinds 6 december 2026: overdue: open every retro with what went well'
			],
			[['lena@example.org'], 'Due today: due-today: open every retro with what went well'],
			[['lena@example.org'], 'Pulse check for Support: open until December 13, 2026'],
			[['mia@example.org'], 'Pulse check for Support: open until December 13, 2026']
		]);
		const [joost, lenaDue, lenaPulse, miaPulse] = mails;
		expect(joost.headers.get('content-language')).toBe('nl');
		expect(joost.text).toContain('Hallo Joost,');
		expect(joost.text).toContain('Je afspraak in Zorg moest op 6 december 2026 af zijn');
		expect(joost.text).toContain(`${ORIGIN}/o/${orgId}/t/${dutch}/commitments/overdue`);
		expect(lenaDue.headers.get('content-language')).toBe('en');
		expect(lenaDue.text).toContain('Your commitment in Support is due today, December 7, 2026');
		expect(lenaDue.text).toContain(`${ORIGIN}/o/${orgId}/t/${english}/commitments/due-today`);
		expect(lenaDue.from).toBe('reminders@culture.example.org');

		// The pulse's one link, the same for everyone, with nothing after it.
		const links = (text: string) => text.match(/https?:\/\/\S+/g);
		expect(links(lenaPulse.text)).toEqual([`${ORIGIN}/pulse/${code}`]);
		expect(links(miaPulse.text)).toEqual([`${ORIGIN}/pulse/${code}`]);
		expect(lenaPulse.text.replace('Lena', 'X')).toBe(miaPulse.text.replace('Mia', 'X'));
		for (const mail of mails) {
			expect(mail.raw).not.toContain(SECRET_ANSWER);
			expect(mail.text).not.toMatch(/favourable|eNPS|respond(ent|ed)/i);
		}

		const rows = await db.select().from(reminders);
		expect(rows.map((r) => [r.kind, r.subjectId, r.occasion, r.state, r.attempts]).sort()).toEqual(
			[
				['commitment_due', 'due-today', TODAY, 'sent', 1],
				['commitment_overdue', 'overdue', addDays(TODAY, -1), 'sent', 1],
				['pulse_open', expect.any(String), TODAY, 'sent', 1],
				['pulse_open', expect.any(String), TODAY, 'sent', 1]
			].sort()
		);
	});

	it('sends nothing more on a second run, nor later the same day; the next day the overdue mail follows the due one, once', async () => {
		await fill(db);
		await sendReminders(db, mailer, { now: NOW, origin: ORIGIN, log: quiet });
		expect(sink.mails).toHaveLength(4);
		expect(await sendReminders(db, mailer, { now: NOW, origin: ORIGIN, log: quiet })).toEqual({
			sent: 0,
			failed: 0,
			skipped: 0
		});
		await sendReminders(db, mailer, { now: minutes(8 * 60), origin: ORIGIN, log: quiet });
		expect(sink.mails).toHaveLength(4);

		const tomorrow = minutes(24 * 60);
		expect(await sendReminders(db, mailer, { now: tomorrow, origin: ORIGIN, log: quiet })).toEqual({
			sent: 2,
			failed: 0,
			skipped: 0
		});
		expect(
			sink.mails
				.slice(4)
				.map((m) => [m.to, m.subject])
				.sort()
		).toEqual([
			[['lena@example.org'], 'Due today: due-tomorrow: open every retro with what went well'],
			[
				['lena@example.org'],
				'Overdue since December 7, 2026: due-today: open every retro with what went well'
			]
		]);
		await sendReminders(db, mailer, { now: minutes(25 * 60), origin: ORIGIN, log: quiet });
		expect(sink.mails).toHaveLength(6);
	});

	it("announces a pulse on the day it opens, to that pulse's team only", async () => {
		const { laterPulseId } = await fill(db);
		await sendReminders(db, mailer, { now: NOW, origin: ORIGIN, log: quiet });
		const opensOn = addDays(TODAY, 7);
		const run = await sendReminders(db, mailer, {
			now: new Date(`${opensOn}T06:00:00Z`),
			origin: ORIGIN,
			pulseId: laterPulseId,
			log: quiet
		});
		expect(run.sent).toBe(1);
		expect(sink.mails.at(-1)).toMatchObject({
			to: ['joost@example.org'],
			subject: 'Pulsmeting voor Zorg: open tot 20 december 2026'
		});
	});

	it('records a refused mail as failed, tries it again later (not before its time) and sends it once', async () => {
		await fill(db);
		sink.refuseNext(1);
		expect(await sendReminders(db, mailer, { now: NOW, origin: ORIGIN, log: quiet })).toEqual({
			sent: 3,
			failed: 1,
			skipped: 0
		});
		const [failed] = await db.select().from(reminders).where(eq(reminders.state, 'failed'));
		expect(failed).toMatchObject({ attempts: 1, nextAttemptAt: minutes(5) });
		expect(failed.lastError).toMatch(/451/);

		await sendReminders(db, mailer, { now: minutes(2), origin: ORIGIN, log: quiet });
		expect(sink.mails).toHaveLength(3);
		expect(
			await sendReminders(db, mailer, { now: minutes(6), origin: ORIGIN, log: quiet })
		).toEqual({
			sent: 1,
			failed: 0,
			skipped: 0
		});
		expect(sink.mails).toHaveLength(4);
		const [retried] = await db.select().from(reminders).where(eq(reminders.id, failed.id));
		expect(retried).toMatchObject({ state: 'sent', attempts: 2, nextAttemptAt: null });
		await sendReminders(db, mailer, { now: minutes(60), origin: ORIGIN, log: quiet });
		expect(sink.mails).toHaveLength(4);
	});

	it('gives up after a bounded number of tries', async () => {
		await fill(db);
		sink.refuseNext(1000);
		const times = [0, 6, 40, 3 * 60, 10 * 60, 12 * 60];
		for (const at of times) {
			await sendReminders(db, mailer, { now: minutes(at), origin: ORIGIN, log: quiet });
		}
		const rows = await db.select().from(reminders);
		expect(rows.map((r) => [r.state, r.attempts, r.nextAttemptAt])).toEqual(
			Array(4).fill(['failed', 4, null])
		);
		expect(sink.mails).toHaveLength(0);
	});

	it('with the mail server down, the run records failures and raises nothing', async () => {
		const { pulseId } = await fill(db);
		const down = await startSmtpSink();
		await down.close();
		const run = await sendReminders(db, mailerFor(down.url), {
			now: NOW,
			origin: ORIGIN,
			pulseId,
			log: quiet
		});
		expect(run).toEqual({ sent: 0, failed: 2, skipped: 0 });
		const rows = await db.select().from(reminders);
		expect(rows.every((r) => r.state === 'failed' && r.nextAttemptAt !== null)).toBe(true);
	});

	it('a retry of a reminder no longer owed is skipped, not sent', async () => {
		await fill(db);
		sink.refuseNext(1);
		await sendReminders(db, mailer, { now: NOW, origin: ORIGIN, log: quiet });
		const [failed] = await db.select().from(reminders).where(eq(reminders.state, 'failed'));
		await db
			.update(commitments)
			.set({ status: 'done', doneAt: NOW })
			.where(eq(commitments.id, failed.subjectId));
		expect(
			await sendReminders(db, mailer, { now: minutes(6), origin: ORIGIN, log: quiet })
		).toEqual({
			sent: 0,
			failed: 0,
			skipped: 1
		});
		expect(sink.mails).toHaveLength(3);
	});

	it("a retry of a pulse's announcement to someone who left the team is skipped", async () => {
		const { english, people, pulseId } = await fill(db);
		sink.refuseNext(10);
		await sendReminders(db, mailer, { now: NOW, origin: ORIGIN, pulseId, log: quiet });
		await removeTeamMember(db, english, people.mia);
		sink.refuseNext(0);
		expect(
			await sendReminders(db, mailer, {
				now: minutes(6),
				origin: ORIGIN,
				pulseId: undefined,
				log: quiet
			})
		).toMatchObject({ skipped: 1 });
		expect(sink.mails.flatMap((m) => m.to).filter((to) => to.startsWith('mia'))).toEqual([]);
	});
});

describe('two server processes on one database file', () => {
	let dir: string;
	beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'reminders-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('running the check at the same moment send each reminder once', async () => {
		const url = `file:${join(dir, 'app.db')}`;
		const first = await openDatabase({ url });
		const second = await openDatabase({ url });
		try {
			await fill(first.db);
			const runs = await Promise.all([
				sendReminders(first.db, mailer, { now: NOW, origin: ORIGIN, log: quiet }),
				sendReminders(second.db, mailerFor(sink.url), { now: NOW, origin: ORIGIN, log: quiet })
			]);
			expect(runs[0].sent + runs[1].sent).toBe(4);
			expect(sink.mails).toHaveLength(4);
			const sent = sink.mails.map((m) => `${m.to} ${m.subject}`);
			expect(new Set(sent).size).toBe(4);
			const rows = await second.db.select().from(reminders);
			expect(rows).toHaveLength(4);
		} finally {
			first.client.close();
			second.client.close();
		}
	});
});
