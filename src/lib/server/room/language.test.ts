import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agendaFromTemplate, TEMPLATES } from '../../domain/templates';
import {
	createTeam,
	createUserWithOrganisation,
	getTeam,
	setTeamLanguage
} from '../accounts/queries';
import type { Database } from '../db';
import { pulses, teams, workshops } from '../db/schema';
import { testDatabase } from '../db/testing';
import { newPulseForm } from '../pulses/forms';
import { createPulse } from '../pulses/queries';
import { parseForm } from '../validation';
import { LanguageForm, NewWorkshopForm } from '../workshops/forms';
import { textsInLanguage } from '../workshops/language';
import {
	createWorkshop,
	listActivities,
	savePace,
	setWorkshopLanguage
} from '../workshops/queries';
import { JOIN_ALPHABET } from '../../domain/workshop';
import { WRONG_CODES_PER_ADDRESS } from '../live/limits';
import { roomPageLanguage } from './language';

/**
 * The language of content (issue 12): a team's, a workshop's and a pulse's, chosen when they
 * are made (the team's by default), and the participants' pages that follow it.
 */

let db: Database;
let close: () => void;
/** A client of the room's pages; each test of the join-code limits below has its own. */
const ADDRESS = '203.0.113.1';
let orgId: string;
let userId: string;

beforeEach(async () => {
	({ db, close } = await testDatabase());
	const made = await createUserWithOrganisation(
		db,
		{ email: 'f@example.org', name: 'F', passwordHash: 'x' },
		'Acme'
	);
	orgId = made.orgId;
	userId = made.user.id;
});
afterEach(() => close());

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

const pulseInput = (teamId: string) => ({
	teamId,
	opensOn: '2026-03-02',
	closesOn: '2026-03-08',
	cadenceWeeks: 4,
	openQuestion: 'Wat zou jij veranderen?',
	withSafety: false,
	createdBy: userId
});

async function languageOf(table: typeof workshops | typeof pulses, id: string) {
	const [row] = await db.select({ language: table.language }).from(table).where(eq(table.id, id));
	return row.language;
}

describe('a team’s content language', () => {
	it('is its creator’s language, and an owner changes it', async () => {
		const dutch = await createTeam(db, orgId, 'Zorg', { language: 'nl' });
		expect((await getTeam(db, orgId, dutch))?.language).toBe('nl');
		expect((await getTeam(db, orgId, await createTeam(db, orgId, 'Sales')))?.language).toBe('en');
		await setTeamLanguage(db, orgId, dutch, 'en');
		expect((await getTeam(db, orgId, dutch))?.language).toBe('en');
		// Another organisation's id changes nothing.
		await setTeamLanguage(db, 'other-org', dutch, 'nl');
		expect((await getTeam(db, orgId, dutch))?.language).toBe('en');
	});
});

describe('a workshop’s language', () => {
	it('is the team’s unless chosen, and the template is written in it', async () => {
		const teamId = await createTeam(db, orgId, 'Zorg', { language: 'nl' });
		const byDefault = await createWorkshop(db, {
			teamId,
			title: 'A',
			createdBy: userId,
			agenda: []
		});
		expect(await languageOf(workshops, byDefault.id)).toBe('nl');
		const agenda = agendaFromTemplate(TEMPLATES[1], 'en', []);
		const chosen = await createWorkshop(db, {
			teamId,
			title: 'B',
			createdBy: userId,
			agenda,
			language: 'en'
		});
		expect(await languageOf(workshops, chosen.id)).toBe('en');
		expect((await listActivities(db, chosen.id))[1].title).toBe('What really drives us today');
	});

	it('changes while a draft, with the template’s texts; not once it started', async () => {
		const teamId = await createTeam(db, orgId, 'Sales', { language: 'en' });
		const agenda = [
			...agendaFromTemplate(TEMPLATES[1], 'en', []).slice(0, 2),
			{ ...agendaFromTemplate(TEMPLATES[1], 'en', [])[4], title: 'Our own words' },
			{
				kind: 'discuss' as const,
				title: 'Discussion',
				prompt: '',
				config: { kind: 'discuss' as const }
			}
		];
		const { id } = await createWorkshop(db, { teamId, title: 'Draft', createdBy: userId, agenda });
		const texts = textsInLanguage(await listActivities(db, id), 'en', 'nl');
		expect(await setWorkshopLanguage(db, id, 'nl', texts)).toBe(true);
		const after = await listActivities(db, id);
		expect(after.map((a) => a.title)).toEqual([
			TEMPLATES[1].activities[0].title.nl,
			'Wat ons vandaag echt drijft',
			'Our own words',
			'Gesprek'
		]);
		expect(after[2].prompt).toBe(TEMPLATES[1].activities[4].prompt.nl);
		expect(await languageOf(workshops, id)).toBe('nl');

		await savePace(db, id, {
			status: 'live',
			current: -1,
			inputOpen: false,
			revealed: false,
			overview: false,
			timer: { endsAt: null, remainingMs: null }
		});
		expect(await setWorkshopLanguage(db, id, 'en', textsInLanguage(after, 'nl', 'en'))).toBe(false);
		expect(await languageOf(workshops, id)).toBe('nl');
		expect((await listActivities(db, id))[1].title).toBe('Wat ons vandaag echt drijft');
	});
});

describe('a pulse’s language', () => {
	it('is the team’s unless chosen', async () => {
		const teamId = await createTeam(db, orgId, 'Zorg', { language: 'nl' });
		expect(await languageOf(pulses, await createPulse(db, pulseInput(teamId)))).toBe('nl');
		const english = await createPulse(db, { ...pulseInput(teamId), language: 'en' });
		expect(await languageOf(pulses, english)).toBe('en');
		await db.update(teams).set({ language: 'en' }).where(eq(teams.id, teamId));
		expect(await languageOf(pulses, await createPulse(db, pulseInput(teamId)))).toBe('en');
	});
});

describe('the forms', () => {
	it('take only a supported language, and say so next to the field', () => {
		for (const schema of [NewWorkshopForm, LanguageForm]) {
			const refused = parseForm(schema, form({ title: 'T', template: 'blank', language: 'de' }));
			expect(refused.ok).toBe(false);
			if (!refused.ok) expect(refused.errors.language).toEqual({ code: 'invalid' });
		}
		const nl = parseForm(NewWorkshopForm, form({ title: 'T', template: 'blank', language: 'nl' }));
		expect(nl.ok && nl.data.language).toBe('nl');
		// Not sent: the team's, decided by the action.
		const unsent = parseForm(NewWorkshopForm, form({ title: 'T', template: 'blank' }));
		expect(unsent.ok && unsent.data.language).toBeUndefined();
		expect(parseForm(LanguageForm, form({})).ok).toBe(false);

		const pulse = {
			opensOn: '2026-03-02',
			closesOn: '2026-03-08',
			cadenceWeeks: '4',
			openQuestion: 'Q'
		};
		const schema = newPulseForm(new Date('2026-03-01T12:00:00Z'));
		const bad = parseForm(schema, form({ ...pulse, language: 'fr' }));
		expect(!bad.ok && bad.errors.language).toEqual({ code: 'invalid' });
		const good = parseForm(schema, form({ ...pulse, language: 'nl' }));
		expect(good.ok && good.data.language).toBe('nl');
	});
});

describe('the room’s pages', () => {
	it('speak the language of their workshop or pulse; other pages have none', async () => {
		const teamId = await createTeam(db, orgId, 'Zorg', { language: 'nl' });
		const w = await createWorkshop(db, { teamId, title: 'W', createdBy: userId, agenda: [] });
		const pulseId = await createPulse(db, pulseInput(teamId));
		const [{ code }] = await db.select({ code: pulses.code }).from(pulses);
		expect(pulseId).toBeTruthy();
		const dashed = `${w.joinCode.slice(0, 3).toLowerCase()}-${w.joinCode.slice(3)}`;
		for (const path of [
			`/w/${w.id}`,
			`/w/${w.id}/waiting`,
			`/w/${w.id}/__data.json`,
			`/join/${w.joinCode}`,
			`/join/${dashed}`,
			`/join/${w.joinCode}/__data.json`,
			`/pulse/${code}`,
			`/pulse/${code}/board`
		]) {
			expect(await roomPageLanguage(db, path, () => ADDRESS), path).toBe('nl');
		}
		for (const path of [
			'/',
			'/join',
			'/join/ZZZZZZ',
			'/join/%E0%A4%A',
			'/w/unknown',
			`/pulse/${'x'.repeat(200)}`,
			`/o/${orgId}/t/${teamId}/workshops/${w.id}`,
			`/present/${w.id}`
		]) {
			expect(await roomPageLanguage(db, path, () => ADDRESS), path).toBeNull();
		}
		await setWorkshopLanguage(db, w.id, 'en');
		expect(await roomPageLanguage(db, `/w/${w.id}`, () => ADDRESS)).toBe('en');
	});

	it('tell no guesser whether a join code exists: the lookup spends a guess as a join does', async () => {
		const teamId = await createTeam(db, orgId, 'Zorg', { language: 'nl' });
		const w = await createWorkshop(db, { teamId, title: 'W', createdBy: userId, agenda: [] });
		const guesser = '198.51.100.7';
		// A room's own phone learns its code first: it stays open to that address.
		expect(await roomPageLanguage(db, `/join/${w.joinCode}`, () => guesser)).toBe('nl');
		const other = [
			...w.joinCode.slice(1),
			w.joinCode[0] === JOIN_ALPHABET[0] ? JOIN_ALPHABET[1] : JOIN_ALPHABET[0]
		].join('');
		for (let i = 0; i < WRONG_CODES_PER_ADDRESS.burst; i++) {
			expect(await roomPageLanguage(db, `/join/${other}`, () => guesser)).toBeNull();
		}
		const second = await createWorkshop(db, { teamId, title: 'X', createdBy: userId, agenda: [] });
		// Out of guesses: a code never used from here gives nothing away, one used before does.
		expect(await roomPageLanguage(db, `/join/${second.joinCode}`, () => guesser)).toBeNull();
		expect(await roomPageLanguage(db, `/join/${w.joinCode}`, () => guesser)).toBe('nl');
		expect(await roomPageLanguage(db, `/join/${second.joinCode}`, () => '198.51.100.8')).toBe('nl');
	});

	it('asks for the address only on a join code page, and without one tells nothing', async () => {
		// Behind a proxy (ADDRESS_HEADER) a request without the header has no address: asking
		// throws. That must not break every other page, nor open the join-code oracle.
		const teamId = await createTeam(db, orgId, 'Zorg', { language: 'nl' });
		const w = await createWorkshop(db, { teamId, title: 'W', createdBy: userId, agenda: [] });
		const none = () => {
			throw new Error('Address header was specified with ADDRESS_HEADER but is absent');
		};
		expect(await roomPageLanguage(db, `/w/${w.id}`, none)).toBe('nl');
		expect(await roomPageLanguage(db, `/o/${orgId}/t/${teamId}`, none)).toBeNull();
		expect(await roomPageLanguage(db, '/', none)).toBeNull();
		expect(await roomPageLanguage(db, `/join/${w.joinCode}`, none)).toBeNull();
	});
});
