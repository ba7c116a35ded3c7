/**
 * What happened to the demo's two teams over a year, as data: the leaders, the workshops, how
 * the values were rated and voted on, what people wrote, the pulses and the commitments.
 * history.ts plays it through the app's own server functions.
 */
import type { Lens } from '../../domain/culture';
import type { TemplateLocale } from '../../domain/templates';

/** A mean on the 1–5 scale at the start of the year and at its end (linear in between). */
export type Drift = readonly [start: number, end: number];

export interface ValueStory {
	/** Mean rating per lens in the workshops. */
	ratings: Partial<Record<Lens, Drift>>;
	/** Mean agreement in the pulses ("my leaders visibly lived …"), for strategic values. */
	pulse?: Drift;
}

export type Fate =
	| { kind: 'on_time'; daysEarly: number }
	| { kind: 'late'; daysLate: number }
	| { kind: 'overdue' }
	| { kind: 'open' }
	| { kind: 'dropped'; reason: string; afterDays: number };

export interface CommitmentStory {
	/** Index into the story's workshops: made in that workshop's commit activity. */
	workshop: number;
	/** Index into the story's leaders; -1 is the demo owner. */
	leader: number;
	value: string;
	action: string;
	signal: string;
	/** Days after the workshop it is due. */
	dueInDays: number;
	fate: Fate;
	/** Check-ins: what the leader did, and how many days after the workshop. */
	checkins: { did: string; day: number }[];
}

export interface WorkshopStory {
	title: string;
	template: 'full_alignment' | 'current_vs_strategic';
	daysAgo: number;
	people: number;
}

export interface TeamStory {
	team: string;
	locale: TemplateLocale;
	leaders: { name: string; email: string }[];
	workshops: WorkshopStory[];
	values: Record<string, ValueStory>;
	/** Cards people write, per `lens:target` of a collect activity (or per target). */
	cards: Record<string, string[]>;
	outsider: string[];
	commitments: CommitmentStory[];
	/** A commitment typed in on the commitments page, outside any workshop. */
	byHand: Omit<CommitmentStory, 'workshop'> & { daysAgo: number };
	pulses: {
		openQuestion: string;
		/** Respondents of each monthly pulse, oldest first (12). */
		respondents: number[];
		enps: Drift;
		safety: Drift;
		/** Per leader (index; -1 the owner): agreement that they lived the values. */
		leaders: Record<number, Drift>;
		answers: string[];
	};
}

export const productEngineeringStory: TeamStory = {
	team: 'Product & Engineering',
	locale: 'en',
	leaders: [
		{ name: 'Lena Visser', email: 'lena.visser@undercurrent.example' },
		{ name: 'Daan Mulder', email: 'daan.mulder@undercurrent.example' }
	],
	workshops: [
		{
			title: 'Kick-off: where we really stand',
			template: 'full_alignment',
			daysAgo: 330,
			people: 22
		},
		{
			title: 'Spring check: current vs strategy',
			template: 'current_vs_strategic',
			daysAgo: 240,
			people: 18
		},
		{
			title: 'After the summer: closing the gap',
			template: 'current_vs_strategic',
			daysAgo: 150,
			people: 27
		},
		{ title: 'Year review: full alignment', template: 'full_alignment', daysAgo: 55, people: 24 }
	],
	values: {
		Ownership: {
			ratings: { assumed: [4.3, 4.2], current: [2.3, 3.8], strategic: [4.6, 4.6] },
			pulse: [2.9, 4.1]
		},
		'Customer first': {
			ratings: { assumed: [4.4, 4.3], current: [3.5, 3.1], strategic: [4.5, 4.4] },
			pulse: [3.9, 3.0]
		},
		'Ship it by Friday': {
			ratings: { assumed: [2.2, 2.0], current: [4.5, 4.1], strategic: [1.6, 1.5] }
		},
		'Safety without compromise': {
			ratings: { assumed: [4.7, 4.7], current: [4.1, 4.4], strategic: [4.9, 4.9] },
			pulse: [3.9, 4.3]
		},
		'Learning in the open': {
			ratings: { assumed: [3.6, 3.8], current: [2.1, 3.6], strategic: [4.2, 4.4] },
			pulse: [2.7, 3.9]
		},
		'Built to last': {
			ratings: { assumed: [3.9, 3.9], current: [2.9, 3.2], strategic: [3.6, 3.8] }
		}
	},
	cards: {
		'assumed:value': [
			'Ownership',
			'Customer first',
			'Safety first',
			'Quality',
			'Innovation',
			'Ownership',
			'Customer focus',
			'Transparency',
			'Safety first'
		],
		'current:value': [
			'Speed',
			'Ship it by Friday',
			'Heroics',
			'Deadlines',
			'Safety first',
			'Helpfulness',
			'Speed',
			'Firefighting',
			'Pride in the product'
		],
		'strategic:looks_like': [
			'The owning team leads its own incidents',
			'A runbook for every service before it goes live',
			'Engineers join an operator call every month',
			'Failed experiments are demoed too',
			'Seniors pair instead of taking over',
			'Every roadmap item names the customer problem'
		],
		'strategic:boundary': [
			'Shipping on Friday afternoon without a rollback plan',
			'Blaming another team in the incident channel',
			'Overriding a failing safety test',
			'Skipping the post-mortem because we are busy'
		],
		'strategic:ritual': [
			'Blameless post-mortem within five days',
			'Monthly fail-forward session',
			'Operator quote at the start of every review',
			'Safety moment at the start of planning',
			'Rotating incident lead'
		],
		'current:signal': [
			'The release countdown on the big screen',
			'Only the all-nighters get thanked in the all-hands',
			'Bonus tied to features shipped',
			'No time planned for maintenance',
			'On-call rota names the same three people'
		]
	},
	outsider: [
		'Stop the Friday release window: release when it is ready',
		'Give new joiners a buddy for their first on-call week',
		'Invite support to the sprint review',
		'Publish the post-mortems where everyone can read them',
		'Plan 20% of every sprint for maintenance',
		'Let us visit a wind park once a year',
		'Fewer meetings on Wednesday, more focus time'
	],
	commitments: [
		{
			workshop: 0,
			leader: 0,
			value: 'Ownership',
			action: 'Hand incident lead to the owning team for every P2 incident',
			signal: 'The incident channel shows the owning team leading, not the seniors',
			dueInDays: 60,
			fate: { kind: 'on_time', daysEarly: 9 },
			checkins: [
				{
					did: 'Two P2 incidents led by the data-import team; I only joined as an observer.',
					day: 21
				},
				{ did: 'Wrote a one-page incident lead guide with the team.', day: 44 }
			]
		},
		{
			workshop: 0,
			leader: 1,
			value: 'Learning in the open',
			action: 'Publish every post-mortem on the wiki within a week',
			signal: 'The wiki page of post-mortems grows every month',
			dueInDays: 45,
			fate: { kind: 'late', daysLate: 23 },
			checkins: [
				{ did: 'First three post-mortems published; two older ones still in drafts.', day: 30 },
				{ did: 'Backlog of post-mortems cleared, template shared with all teams.', day: 66 }
			]
		},
		{
			workshop: 0,
			leader: -1,
			value: 'Customer first',
			action: 'Join an operator call with each team once',
			signal: 'Teams quote operators in their reviews',
			dueInDays: 75,
			fate: {
				kind: 'dropped',
				reason: 'Replaced by the ride-along days, which reach more engineers.',
				afterDays: 40
			},
			checkins: [{ did: 'Joined the night-shift operator call with the platform team.', day: 18 }]
		},
		{
			workshop: 1,
			leader: 0,
			value: 'Safety without compromise',
			action: 'Start every planning meeting with a two-minute safety moment',
			signal: 'A near miss is discussed in every planning meeting',
			dueInDays: 30,
			fate: { kind: 'on_time', daysEarly: 4 },
			checkins: [
				{ did: 'Six planning meetings in a row opened with a near miss from the field.', day: 25 }
			]
		},
		{
			workshop: 1,
			leader: 1,
			value: 'Ownership',
			action: 'Put a named owning team on every service in the catalogue',
			signal: 'No service in the catalogue without an owner',
			dueInDays: 50,
			fate: { kind: 'late', daysLate: 12 },
			checkins: [
				{
					did: '41 of 58 services have an owner; the legacy billing services are disputed.',
					day: 35
				},
				{ did: 'Agreed the last owners in the architecture meeting.', day: 60 }
			]
		},
		{
			workshop: 2,
			leader: 0,
			value: 'Learning in the open',
			action: 'Run a monthly fail-forward session and present the first one myself',
			signal: 'One failed experiment presented every month',
			dueInDays: 45,
			fate: { kind: 'on_time', daysEarly: 2 },
			checkins: [
				{ did: 'Presented the failed turbine forecast model myself; 40 people came.', day: 14 },
				{ did: 'Second session run by the mobile team.', day: 42 }
			]
		},
		{
			workshop: 2,
			leader: 1,
			value: 'Customer first',
			action: 'Organise a ride-along day in a wind park control room for every team',
			signal: 'Every team has spent a day in a control room',
			dueInDays: 90,
			fate: { kind: 'overdue' },
			checkins: [{ did: 'Two of five teams have had their ride-along day.', day: 70 }]
		},
		{
			workshop: 2,
			leader: -1,
			value: 'Ownership',
			action: 'Stop rewarding all-nighters in the all-hands',
			signal: 'The all-hands thanks people who automated a failure away',
			dueInDays: 30,
			fate: { kind: 'on_time', daysEarly: 10 },
			checkins: [
				{ did: 'Thanked the import team for a quiet on-call month instead of a rescue.', day: 16 }
			]
		},
		{
			workshop: 3,
			leader: 0,
			value: 'Customer first',
			action: 'Put an operator quote at the start of every sprint review',
			signal: 'Each review opens with what an operator told us',
			dueInDays: 40,
			fate: { kind: 'overdue' },
			checkins: [{ did: 'Did it in two reviews; the other teams have not started.', day: 20 }]
		},
		{
			workshop: 3,
			leader: 1,
			value: 'Safety without compromise',
			action: 'Report near misses from software within a day, with the field teams',
			signal: 'A near-miss report within 24 hours, every time',
			dueInDays: 70,
			fate: { kind: 'open' },
			checkins: [{ did: 'Agreed the reporting channel with the field team leads.', day: 12 }]
		},
		{
			workshop: 3,
			leader: -1,
			value: 'Learning in the open',
			action: 'Share my own mistakes of the quarter in the all-hands',
			signal: 'Leaders talk about their own mistakes first',
			dueInDays: 90,
			fate: { kind: 'open' },
			checkins: []
		}
	],
	byHand: {
		daysAgo: 100,
		leader: 1,
		value: 'Ownership',
		action: 'Let every team deploy and roll back its own services',
		signal: 'No release waits for the platform team',
		dueInDays: 60,
		fate: {
			kind: 'dropped',
			reason: 'Blocked by the audit on production access; back in next quarter.',
			afterDays: 30
		},
		checkins: [{ did: 'Rollback rights granted to two teams as a trial.', day: 20 }]
	},
	pulses: {
		openQuestion: 'What is one thing that would make next month better?',
		respondents: [15, 15, 20, 15, 15, 20, 15, 20, 20, 15, 20, 17],
		enps: [6.4, 8.1],
		safety: [3.0, 3.9],
		leaders: { 0: [3.0, 4.2], 1: [3.5, 3.5], [-1]: [2.9, 3.8] },
		answers: [
			'Fewer releases on Friday afternoon.',
			'More time to fix what we shipped last sprint.',
			'Let juniors lead an incident with a senior next to them.',
			'Keep the post-mortems blameless, it is working.',
			'Talk to operators more often, we are drifting away from them.',
			'Stop the meetings that could have been an e-mail.',
			'The on-call rota still leans on the same people.',
			'Celebrate the quiet weeks, not only the rescues.',
			'More focus time, fewer interruptions in the team chat.',
			'Share the roadmap earlier so we can plan maintenance.'
		]
	}
};

export const klantenserviceStory: TeamStory = {
	team: 'Klantenservice',
	locale: 'nl',
	leaders: [
		{ name: 'Marieke Jansen', email: 'marieke.jansen@undercurrent.example' },
		{ name: 'Youssef Bakker', email: 'youssef.bakker@undercurrent.example' }
	],
	workshops: [
		{
			title: 'Startsessie: waar staan we echt',
			template: 'full_alignment',
			daysAgo: 315,
			people: 16
		},
		{
			title: 'Voorjaar: vandaag en waar we heen willen',
			template: 'current_vs_strategic',
			daysAgo: 225,
			people: 12
		},
		{
			title: 'Na de zomer: het verschil kleiner maken',
			template: 'current_vs_strategic',
			daysAgo: 130,
			people: 20
		},
		{
			title: 'Jaarterugblik: volledige afstemming',
			template: 'full_alignment',
			daysAgo: 40,
			people: 30
		}
	],
	values: {
		'Klant centraal': {
			ratings: { assumed: [4.5, 4.4], current: [2.5, 3.9], strategic: [4.8, 4.8] },
			pulse: [3.0, 4.1]
		},
		'Snelheid boven alles': {
			ratings: { assumed: [2.4, 2.2], current: [4.6, 4.2], strategic: [1.8, 1.6] }
		},
		Eigenaarschap: {
			ratings: { assumed: [3.9, 4.0], current: [2.4, 3.6], strategic: [4.5, 4.5] },
			pulse: [2.8, 3.9]
		},
		Collegialiteit: {
			ratings: { assumed: [4.2, 4.2], current: [4.0, 4.1], strategic: [3.8, 3.9] }
		},
		'Open over fouten': {
			ratings: { assumed: [3.5, 3.6], current: [3.1, 2.9], strategic: [4.3, 4.4] },
			pulse: [3.9, 2.9]
		},
		'Trots op groene stroom': {
			ratings: { assumed: [4.0, 4.1], current: [3.2, 3.4], strategic: [3.4, 3.6] }
		}
	},
	cards: {
		'assumed:value': [
			'Klant centraal',
			'Klantvriendelijk',
			'Duurzaam',
			'Collegialiteit',
			'Klant centraal',
			'Betrouwbaar',
			'Persoonlijk',
			'Duurzaam'
		],
		'current:value': [
			'Snelheid',
			'Wachtrij',
			'Afhandeltijd',
			'Collegialiteit',
			'Snelheid',
			'Elkaar helpen',
			'Druk',
			'Doorverbinden',
			'Behulpzaam'
		],
		'strategic:looks_like': [
			'Terugbellen op de afgesproken tijd',
			'Zelf een oplossing tot € 250 toekennen',
			'Warme overdracht met een korte samenvatting',
			'Eerste-keer-goed op het teamdashboard',
			'Een fout dezelfde dag melden in het logboek'
		],
		'strategic:boundary': [
			'Een klant doorverbinden zonder het probleem te begrijpen',
			'Een ticket sluiten terwijl de klant nog wacht',
			'Een fout verzwijgen voor de maandcijfers',
			'Een terugbelafspraak vergeten'
		],
		'strategic:ritual': [
			'Open zaken om vier uur samen langslopen',
			'Leermoment van de week op vrijdag',
			'Dagstart om 8.45 uur met de hulpvragen van gisteren',
			'Maandelijks een klant die we echt geholpen hebben in het teamoverleg'
		],
		'current:signal': [
			'Het wachtrijscherm met de wachttijd in rood',
			'Taart bij duizend gesprekken',
			'De snelste van de maand wordt genoemd',
			'Pauzes afmelden in de telefooncentrale',
			'Klanttevredenheid staat nergens op een scherm'
		]
	},
	outsider: [
		'Haal de wachttijd van het grote scherm, zet de klantscore erop',
		'Geef nieuwe collega’s een maatje voor de eerste maand',
		'Laat ons zelf vaker een klacht afmaken in plaats van doorzetten',
		'Een kennisbank zodat niet alles bij Ingrid ligt',
		'Vraag de monteurs een keer mee naar ons overleg',
		'Minder wisselende roosters, meer vaste teams',
		'Neem klachten over de slimme meter mee naar het productteam'
	],
	commitments: [
		{
			workshop: 0,
			leader: 0,
			value: 'Klant centraal',
			action: 'Eerste-keer-goed naast de afhandeltijd op het teamdashboard zetten',
			signal: 'Op het scherm staat eerste-keer-goed boven de wachttijd',
			dueInDays: 45,
			fate: { kind: 'on_time', daysEarly: 6 },
			checkins: [
				{ did: 'Met de planning afgesproken welke cijfers we tonen.', day: 14 },
				{ did: 'Eerste-keer-goed staat sinds maandag op het scherm.', day: 38 }
			]
		},
		{
			workshop: 0,
			leader: 1,
			value: 'Eigenaarschap',
			action: 'Iedereen mag zelf een oplossing tot € 250 toekennen',
			signal: 'Minder doorverbindingen naar de teamleider voor kleine vergoedingen',
			dueInDays: 60,
			fate: { kind: 'late', daysLate: 28 },
			checkins: [
				{ did: 'Voorstel ligt bij financiën; zij willen eerst een proef.', day: 30 },
				{ did: 'Proef gestart met zes collega’s.', day: 70 },
				{ did: 'Na de proef voor het hele team ingevoerd.', day: 86 }
			]
		},
		{
			workshop: 1,
			leader: 0,
			value: 'Open over fouten',
			action: 'Elke vrijdag een leermoment van de week',
			signal: 'Elke week wordt een misgelopen gesprek samen besproken',
			dueInDays: 30,
			fate: { kind: 'on_time', daysEarly: 3 },
			checkins: [
				{ did: 'Vier vrijdagen op rij een gesprek besproken; de opkomst groeit.', day: 26 }
			]
		},
		{
			workshop: 1,
			leader: -1,
			value: 'Klant centraal',
			action: 'Het wachtrijscherm vervangen door een scherm met de klantscore',
			signal: 'De klantscore van gisteren staat bovenaan het scherm',
			dueInDays: 40,
			fate: {
				kind: 'dropped',
				reason: 'Het scherm hoort bij de telefooncentrale, die pas volgend jaar wordt vervangen.',
				afterDays: 35
			},
			checkins: [{ did: 'Offerte opgevraagd bij de leverancier van de centrale.', day: 15 }]
		},
		{
			workshop: 2,
			leader: 1,
			value: 'Eigenaarschap',
			action: 'Warme overdracht invoeren bij elke doorverbinding',
			signal: 'Klanten hoeven hun verhaal niet twee keer te doen',
			dueInDays: 45,
			fate: { kind: 'late', daysLate: 15 },
			checkins: [
				{ did: 'Script voor de warme overdracht samen met het team geschreven.', day: 20 },
				{ did: 'Facturatie doet nu ook mee.', day: 58 }
			]
		},
		{
			workshop: 2,
			leader: 0,
			value: 'Klant centraal',
			action: 'Elk terugbelverzoek krijgt een naam en een tijdstip',
			signal: 'Geen terugbelverzoek ouder dan een dag zonder naam',
			dueInDays: 35,
			fate: { kind: 'on_time', daysEarly: 5 },
			checkins: [{ did: 'Terugbellijst staat nu in de dagstart; alles heeft een naam.', day: 25 }]
		},
		{
			workshop: 2,
			leader: -1,
			value: 'Open over fouten',
			action: 'Het foutenlogboek laten meetellen als iets goeds in de maandcijfers',
			signal: 'Meldingen in het logboek worden in het teamoverleg bedankt',
			dueInDays: 60,
			fate: { kind: 'overdue' },
			checkins: [{ did: 'Besproken met HR; nog geen besluit over de maandcijfers.', day: 40 }]
		},
		{
			workshop: 3,
			leader: 0,
			value: 'Open over fouten',
			action: 'Zelf als eerste een eigen fout bespreken in het teamoverleg',
			signal: 'Teamleiders noemen hun eigen fouten',
			dueInDays: 25,
			fate: { kind: 'overdue' },
			checkins: []
		},
		{
			workshop: 3,
			leader: 1,
			value: 'Klant centraal',
			action: 'Elke maand een klantverhaal in het teamoverleg',
			signal: 'Een klant die we echt geholpen hebben, elke maand',
			dueInDays: 60,
			fate: { kind: 'open' },
			checkins: [{ did: 'Eerste klantverhaal verteld door Fatima.', day: 20 }]
		}
	],
	byHand: {
		daysAgo: 90,
		leader: 0,
		value: 'Eigenaarschap',
		action: 'Om vier uur samen de open zaken langslopen',
		signal: 'Geen open zaak ouder dan drie dagen zonder eigenaar',
		dueInDays: 30,
		fate: { kind: 'on_time', daysEarly: 1 },
		checkins: [
			{ did: 'Drie weken elke dag gedaan; de oudste open zaak is nu twee dagen.', day: 22 }
		]
	},
	pulses: {
		openQuestion: 'Wat zou volgende maand beter maken?',
		respondents: [10, 10, 15, 10, 15, 15, 10, 15, 15, 20, 15, 12],
		enps: [5.9, 7.6],
		safety: [3.2, 3.6],
		leaders: { 0: [3.1, 4.1], 1: [2.9, 3.8], [-1]: [3.3, 3.4] },
		answers: [
			'Minder druk op de afhandeltijd.',
			'Meer tijd om een klant echt te helpen.',
			'De kennisbank bijhouden, nu zoeken we alles op in de chat.',
			'Fijn dat we fouten nu samen bespreken.',
			'Vaste collega’s voor de lastige dossiers.',
			'Pauzes zonder berichtjes van de planning.',
			'Terugbellen lukt beter sinds de lijst in de dagstart.',
			'Minder wisselende roosters.'
		]
	}
};

export const STORIES: readonly TeamStory[] = [productEngineeringStory, klantenserviceStory];
