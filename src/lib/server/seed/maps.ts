/**
 * The demo's culture maps: two teams of "Zeewind Energie (demo)", one in English and one in
 * Dutch, with visible gaps between the lenses. `seedMap` writes one through the culture
 * module, as the map editor does.
 */
import type { Lens, LinkedKind } from '../../domain/culture';
import type { ContentLanguage } from '../../domain/templates';
import { createTeam } from '../accounts/queries';
import { createElement, createValue } from '../culture/queries';
import type { Database } from '../db';

/** A text, or a text marked as limiting (it holds the team back). */
type Text = string | { text: string; limiting: true };
type Named = { name: string; text: string; limiting?: true };

interface LensContent {
	looks_like?: Text[];
	sounds_like?: Text[];
	feels_like?: Text[];
	boundary?: Text[];
	ritual?: Named[];
	hero?: Named[];
	signal?: Named[];
}

interface SeedValue {
	name: string;
	meaning: string;
	limiting?: true;
	/** The lenses the value is part of, each with what it looks like there. */
	lenses: Partial<Record<Lens, LensContent>>;
}

export interface SeedTeam {
	name: string;
	/** The language its workshops and pulses are written in. */
	language: ContentLanguage;
	values: SeedValue[];
	/** Rituals, heroes and signals that belong to no single value. */
	standalone: Partial<Record<Lens, Partial<Record<LinkedKind, Named[]>>>>;
}

const limiting = (text: string) => ({ text, limiting: true }) as const;

export const productEngineering: SeedTeam = {
	name: 'Product & Engineering',
	language: 'en',
	values: [
		{
			name: 'Ownership',
			meaning:
				'We take responsibility for what we build, from the first idea to running it in production, and we say so early when something will not work.',
			lenses: {
				assumed: {
					looks_like: ['Every team runs the services it builds, including being on call for them.'],
					sounds_like: ['“You build it, you run it.”'],
					feels_like: ['Trusted to make the call without asking for permission.'],
					boundary: ['Shipping a change and leaving the fallout to someone else.']
				},
				current: {
					looks_like: [
						limiting(
							'The same three senior engineers pick up every incident, whoever built the service.'
						),
						'Teams write their own runbooks, but only for the newest services.'
					],
					sounds_like: [limiting('“That’s not our component.”'), '“I’ll have a look after lunch.”'],
					feels_like: [
						limiting('Safe to own something small; risky to own something that might fail.')
					],
					boundary: ['Blaming another team in the incident channel.'],
					ritual: [
						{
							name: 'The Thursday release crunch',
							text: 'Everyone stays late on Thursday to make the Friday release window.',
							limiting: true
						}
					],
					hero: [
						{
							name: 'The night-shift firefighter',
							text: 'The engineer who stays up all night to save a release gets thanked in the all-hands; the one who automated the failure away does not.',
							limiting: true
						}
					]
				},
				paradise: {
					looks_like: ['Anyone can deploy, roll back and fix any service they touch.'],
					feels_like: ['Owning something feels like pride, not like a risk.'],
					hero: [
						{
							name: 'The one who made herself unnecessary',
							text: 'She automated the turbine-data import so well that nobody has been paged for it in a year.'
						}
					]
				},
				strategic: {
					looks_like: [
						'Every service has a named owning team, a runbook and a shared on-call rota.',
						'Incidents are led by the owning team; seniors coach instead of taking over.'
					],
					sounds_like: ['“I’ll take this, and I’ll tell you by Wednesday if I can’t make it.”'],
					boundary: ['Taking over someone’s incident without being asked.'],
					ritual: [
						{
							name: 'Blameless post-mortem',
							text: 'Within five working days of every incident, written together, about the system and not about people.'
						}
					]
				}
			}
		},
		{
			name: 'Customer first',
			meaning:
				'Every decision starts from the wind-park operators and the households who depend on our software.',
			lenses: {
				assumed: {
					looks_like: ['Product decisions start from customer interviews.'],
					sounds_like: ['“What would the operator on night shift need here?”'],
					signal: [
						{
							name: 'Customer quotes in the sprint review',
							text: 'Each review opens with a quote from a support ticket.'
						}
					]
				},
				strategic: {
					looks_like: [
						'Every team speaks to at least one operator a month.',
						'Roadmap items name the customer problem they solve.'
					],
					feels_like: ['Close to the people who use what we make.'],
					boundary: ['Building a feature nobody outside the building has asked for.'],
					ritual: [
						{
							name: 'Ride-along day',
							text: 'Once a quarter, engineers spend a day in the control room of a wind park.'
						}
					]
				}
			}
		},
		{
			name: 'Ship it by Friday',
			meaning:
				'The release date is sacred; quality, tests and documentation can be sorted out afterwards.',
			limiting: true,
			lenses: {
				current: {
					looks_like: [
						limiting('Tests and documentation are the first things cut when a deadline gets close.')
					],
					sounds_like: [limiting('“We’ll fix it in the next sprint.”')],
					feels_like: ['Busy, and a bit proud of how much gets out of the door.'],
					signal: [
						{
							name: 'The release countdown',
							text: 'A countdown to the next release on the big screen; nothing on it about bugs reported afterwards.',
							limiting: true
						}
					]
				}
			}
		},
		{
			name: 'Safety without compromise',
			meaning:
				'Nothing we build may put a technician on a turbine at risk, and anyone may stop the line to keep it that way.',
			lenses: {
				assumed: {
					looks_like: ['Safety-related changes get a second reviewer.'],
					sounds_like: ['“Safety first.”']
				},
				current: {
					looks_like: [
						'Changes to the turbine shutdown logic always get a second reviewer.',
						'A release is stopped as soon as a safety alarm test fails.'
					],
					sounds_like: ['“Stop. Let’s check this with the field team first.”'],
					feels_like: ['Serious, in a good way.'],
					boundary: ['Overriding a failing safety test to make a deadline.']
				},
				strategic: {
					looks_like: ['Near misses are reported within a day and discussed with the field teams.'],
					ritual: [
						{
							name: 'Safety moment',
							text: 'Every planning meeting starts with two minutes on one near miss or lesson from the field.'
						}
					]
				}
			}
		},
		{
			name: 'Learning in the open',
			meaning:
				'We share what went wrong as readily as what went right, so that everyone learns from it.',
			lenses: {
				paradise: {
					looks_like: ['Failed experiments are demoed with the same pride as successful ones.'],
					sounds_like: ['“I was wrong about this; here is what I learned.”'],
					feels_like: ['Curious, and safe to not know something.']
				},
				strategic: {
					looks_like: [
						'Every post-mortem and experiment result is published on the wiki within a week.'
					],
					sounds_like: ['“What would we do differently next time?”'],
					boundary: ['Keeping a mistake quiet so that it does not reach management.'],
					ritual: [
						{
							name: 'Fail-forward Friday',
							text: 'Once a month, one team presents something that did not work and what it changed.'
						}
					]
				}
			}
		},
		{
			name: 'Built to last',
			meaning:
				'We write software the next team can understand, that lasts as long as a turbine: 25 years.',
			lenses: {
				assumed: {
					looks_like: ['Architecture decisions are written down.'],
					sounds_like: ['“Will someone understand this in five years?”']
				},
				paradise: {
					looks_like: [
						'Time for maintenance is planned, not stolen.',
						'New joiners ship a change in their first week.'
					],
					feels_like: ['Calm: the code base is a place you like to work in.']
				}
			}
		}
	],
	standalone: {
		assumed: {
			signal: [
				{
					name: 'The values poster',
					text: 'Five values in the company colours next to the coffee machine; few people can name them.'
				}
			]
		},
		current: {
			ritual: [
				{
					name: 'Friday demo',
					text: 'Teams show what they shipped this week; the room is full when there is pizza.'
				}
			],
			signal: [
				{
					name: 'Headphones on',
					text: 'Big headphones mean “do not disturb”; most people wear them most of the day.'
				}
			]
		},
		paradise: {
			hero: [
				{
					name: 'The teacher',
					text: 'Someone whose success is measured by how much better the people around them became.'
				}
			]
		}
	}
};

export const klantenservice: SeedTeam = {
	name: 'Klantenservice',
	language: 'nl',
	values: [
		{
			name: 'Klant centraal',
			meaning:
				'De klant voelt zich gehoord en geholpen, ook als we het antwoord niet meteen hebben.',
			lenses: {
				assumed: {
					looks_like: ['We nemen de tijd voor elke klant.'],
					sounds_like: ['“Wat kan ik vandaag voor u doen?”'],
					feels_like: ['Warm en persoonlijk.']
				},
				current: {
					looks_like: [
						limiting('Gesprekken worden afgekapt zodra de gemiddelde afhandeltijd oploopt.'),
						'Terugbelverzoeken blijven soms dagen liggen.'
					],
					sounds_like: [limiting('“Daar gaat een andere afdeling over, ik zet u even door.”')],
					feels_like: ['Je wilt helpen, maar de teller loopt.'],
					boundary: ['Een klant beloven terug te bellen en het niet doen.'],
					hero: [
						{
							name: 'De snelste van de maand',
							text: 'De collega met de kortste gesprekstijd wordt elke maand in het teamoverleg genoemd.',
							limiting: true
						}
					]
				},
				paradise: {
					looks_like: [
						'Iedereen mag zelf een oplossing tot € 250 toekennen, zonder toestemming te vragen.'
					],
					sounds_like: ['“Ik zoek het voor u uit en bel u vóór vijf uur terug.”'],
					feels_like: ['Rust in het gesprek, ook als het druk is.'],
					hero: [
						{
							name: 'Fatima',
							text: 'Kreeg een gezin zonder stroom op een zaterdagmiddag weer aangesloten en belde ’s avonds nog even na.'
						}
					]
				},
				strategic: {
					looks_like: [
						'Eerste-keer-goed staat naast afhandeltijd op het teamdashboard.',
						'Elk terugbelverzoek heeft een naam en een tijdstip.'
					],
					sounds_like: ['“Ik blijf uw aanspreekpunt tot het is opgelost.”'],
					boundary: ['Een klant doorverbinden zonder het probleem zelf te begrijpen.'],
					signal: [
						{
							name: 'Klanttevredenheid op het grote scherm',
							text: 'De klantscore van gisteren staat bovenaan het wachtrijscherm, boven de wachttijd.'
						}
					]
				}
			}
		},
		{
			name: 'Snelheid boven alles',
			meaning: 'Zo veel mogelijk gesprekken per uur: de wachtrij bepaalt de dag.',
			limiting: true,
			lenses: {
				current: {
					looks_like: [
						limiting('Na elk gesprek direct het volgende aannemen, zonder notities af te maken.')
					],
					sounds_like: ['“Hoeveel staan er nog in de wacht?”'],
					feels_like: [limiting('Opgejaagd; aan het eind van de dag leeg.')],
					signal: [
						{
							name: 'Het wachtrijscherm',
							text: 'Een groot scherm met de wachttijd in rood; iedereen kijkt ernaar, niemand naar de klanttevredenheid.',
							limiting: true
						}
					]
				}
			}
		},
		{
			name: 'Eigenaarschap',
			meaning: 'Wie de klant spreekt, lost het op of draagt het persoonlijk over.',
			lenses: {
				paradise: {
					looks_like: ['Medewerkers lossen een klacht van begin tot eind zelf op.'],
					feels_like: ['Trots op een opgeloste zaak, niet op een gesloten ticket.']
				},
				strategic: {
					looks_like: [
						'Een overdracht gebeurt met een warme doorverbinding en een korte samenvatting.'
					],
					sounds_like: ['“Ik heb mijn collega van facturatie al ingelicht, zij belt u morgen.”'],
					boundary: ['Een ticket sluiten terwijl de klant nog wacht.'],
					ritual: [
						{
							name: 'Open zaken om vier uur',
							text: 'Elke middag om vier uur loopt het team samen de zaken langs die nog open staan.'
						}
					]
				}
			}
		},
		{
			name: 'Collegialiteit',
			meaning: 'We springen voor elkaar in en delen wat we weten.',
			lenses: {
				assumed: {
					looks_like: ['Iedereen helpt iedereen.'],
					sounds_like: ['“Zal ik het even overnemen?”']
				},
				current: {
					looks_like: [
						'Ervaren collega’s beantwoorden vragen in de teamchat, ook tijdens hun eigen gesprekken.'
					],
					sounds_like: ['“Vraag het even aan Ingrid, die weet alles van de slimme meter.”'],
					feels_like: ['Je staat er nooit alleen voor.'],
					ritual: [
						{
							name: 'Dagstart om 8.45 uur',
							text: 'Tien minuten staand bij het scherm: wie is er, wat speelt er, wie heeft hulp nodig.'
						}
					],
					hero: [
						{
							name: 'Ingrid',
							text: 'Werkt hier al negentien jaar en weet van elke storing hoe die de vorige keer is opgelost.'
						}
					]
				},
				paradise: {
					looks_like: [
						'Kennis staat in een gedeelde kennisbank in plaats van in het hoofd van Ingrid.'
					],
					feels_like: ['Een team, geen verzameling wachtrijen.']
				}
			}
		},
		{
			name: 'Open over fouten',
			meaning:
				'Fouten melden we meteen, zodat we ervan leren en de klant er geen twee keer last van heeft.',
			lenses: {
				paradise: {
					sounds_like: ['“Dit ging mis, en zo voorkomen we het de volgende keer.”'],
					feels_like: ['Veilig om een fout toe te geven.']
				},
				strategic: {
					looks_like: [
						'Een fout richting een klant wordt dezelfde dag gemeld in het foutenlogboek.'
					],
					boundary: ['Een fout verzwijgen omdat die slecht staat in de maandcijfers.'],
					ritual: [
						{
							name: 'Leermoment van de week',
							text: 'Op vrijdag leest iemand een gesprek voor dat misging; samen bespreken we wat we ervan leren.'
						}
					]
				}
			}
		},
		{
			name: 'Trots op groene stroom',
			meaning: 'We vertellen met overtuiging waarom duurzame energie ertoe doet.',
			lenses: {
				assumed: {
					sounds_like: ['“Bij ons komt uw stroom uit Nederlandse wind.”'],
					signal: [
						{
							name: 'Windmolen in de e-mailhandtekening',
							text: 'Elke mail eindigt met een windmolen en de zin “100% Nederlandse wind”.'
						}
					]
				},
				paradise: {
					looks_like: [
						'Medewerkers kunnen klanten uitleggen hoe hun stroom wordt opgewekt, en bezoeken zelf een windpark.'
					],
					feels_like: ['Werken aan iets dat ertoe doet.']
				}
			}
		}
	],
	standalone: {
		assumed: {
			signal: [
				{
					name: 'Waardenposter in de kantine',
					text: 'Vier waarden in huisstijlkleuren; de meeste collega’s kunnen er twee noemen.'
				}
			]
		},
		current: {
			ritual: [
				{
					name: 'Taart bij 1000 gesprekken',
					text: 'Wie in een maand de duizend gesprekken haalt, trakteert niet maar krijgt taart.',
					limiting: true
				}
			],
			signal: [
				{
					name: 'Koptelefoon op, status rood',
					text: 'Pauzes worden in de telefooncentrale afgemeld; wie te lang op rood staat, krijgt een bericht.'
				}
			]
		},
		strategic: {
			hero: [
				{
					name: 'De collega die het probleem echt oplost',
					text: 'Wordt in het teamoverleg genoemd om opgeloste zaken en tevreden klanten, niet om snelheid.'
				}
			]
		}
	}
};

/** Creates the team with its map; the user becomes a member. */
export async function seedMap(db: Database, orgId: string, userId: string, spec: SeedTeam) {
	const teamId = await createTeam(db, orgId, spec.name, {
		language: spec.language,
		creatorId: userId
	});
	const add = (lens: Lens, valueId: string | null, content: LensContent) =>
		Object.entries(content).flatMap(([kind, items]) =>
			(items as (Text | Named)[]).map((item) => {
				const words = typeof item === 'string' ? { text: item } : item;
				return { lens, kind: kind as keyof LensContent, valueId, ...words };
			})
		);
	const elements: ReturnType<typeof add> = [];
	for (const value of spec.values) {
		const lenses = Object.keys(value.lenses) as Lens[];
		const valueId = await createValue(db, teamId, userId, {
			name: value.name,
			meaning: value.meaning,
			limiting: value.limiting ?? false,
			lenses
		});
		for (const lens of lenses) elements.push(...add(lens, valueId, value.lenses[lens] ?? {}));
	}
	for (const [lens, content] of Object.entries(spec.standalone)) {
		elements.push(...add(lens as Lens, null, content));
	}
	for (const element of elements) {
		await createElement(db, teamId, userId, {
			lens: element.lens,
			kind: element.kind,
			valueId: element.valueId,
			name: 'name' in element ? element.name : null,
			text: element.text,
			limiting: 'limiting' in element && element.limiting === true
		});
	}
	return { teamId, values: spec.values.length, elements: elements.length };
}
