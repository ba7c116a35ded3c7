/**
 * Labelled cards for the grouping benchmark and its floor test: what teams write in a culture
 * workshop ("what really happens here", behaviours that look, sound or feel a certain way,
 * outsiders' complaints), in Dutch and English, with typos, synonyms, idioms and copy numbers.
 * Each topic is one true group; the cards of `ALONE` belong to no group.
 *
 * Written as a facilitator would group them, not to suit the engine: idioms ("van het kastje
 * naar de muur") and topics that share words (meetings that overrun, that start late, that are
 * too many) are in on purpose. `tuningHalf` and `holdoutHalf` split the topics in two;
 * `FRESH_TOPICS` were written after tuning; `perturbedCards` makes big rooms for timing.
 */
export const TOPICS: readonly { label: string; cards: readonly string[] }[] = [
	{
		label: 'meetings overrun',
		cards: [
			'Meetings lopen altijd uit',
			'meetings always overrun',
			'Vergaderingen duren te lang',
			'Meetings run late every time',
			'Overleg loopt standaard uit',
			'Our meetings never end on time',
			'vergaderingen lopen uit',
			'Meetigns overrun',
			'Meetings overrun 2',
			'The weekly meeting drags on for hours'
		]
	},
	{
		label: 'too many meetings',
		cards: [
			'Te veel vergaderingen',
			'too many meetings',
			'Back-to-back meetings all day',
			'Agenda vol met overleggen',
			'Meer overleg dan werk',
			'So many meetings there is no time for real work',
			'veel te veel meetings',
			'Too many meetings 1'
		]
	},
	{
		label: 'meetings start late',
		cards: [
			'Everyone comes late to meetings',
			'Meetings never start on time',
			'Iedereen komt te laat bij het overleg',
			'Vergaderingen beginnen nooit op tijd',
			'Five minutes late is on time here',
			'Meetings start late'
		]
	},
	{
		label: 'blame culture',
		cards: [
			'blame culture',
			'Schuldcultuur',
			'Finger-pointing when something goes wrong',
			'"Who is to blame?" is the first question',
			'Zondebok zoeken bij fouten',
			'Blame',
			'Er wordt altijd een schuldige gezocht',
			'We blame each other',
			'blame cultuur'
		]
	},
	{
		label: 'heroics at night',
		cards: [
			'Heroics at night',
			"Helden die 's nachts brandjes blussen",
			'Firefighting late at night',
			'The heroes fix production at 2am',
			'Rescue missions at midnight',
			'Nachtelijke heldendaden worden beloond',
			'heroics at nigth'
		]
	},
	{
		label: 'bonus only for sales',
		cards: [
			'Bonus only for sales',
			'Bonus only for sales 1',
			'Bonus only for sales 2',
			'Alleen sales krijgt een bonus',
			'Bonussen alleen voor verkopers',
			'Only salespeople get rewarded',
			'sales gets all the bonusses'
		]
	},
	{
		label: 'always reachable',
		cards: [
			'Mails in het weekend',
			'Emails on Sunday evening',
			'Expected to answer email at weekends',
			'Bereikbaar in het weekend',
			'Always on, even on holiday',
			'Whatsapp van de baas op zaterdag',
			'Weekend emails from management',
			'Je moet altijd bereikbaar zijn'
		]
	},
	{
		label: 'no feedback',
		cards: [
			'No feedback',
			'Nooit feedback van mijn leidinggevende',
			'We never hear how we are doing',
			'Geen terugkoppeling',
			'Feedback only at the yearly review',
			'feedback ontbreekt',
			'Feeback is rare'
		]
	},
	{
		label: 'no recognition',
		cards: [
			'Nobody says thank you',
			'Geen waardering voor goed werk',
			'Successes are never celebrated',
			'Complimenten krijg je nooit',
			'Good work goes unnoticed',
			'No recognition',
			'Weinig erkenning',
			'No appreciation for extra effort'
		]
	},
	{
		label: 'silos',
		cards: [
			'Departments work in silos',
			'Afdelingen werken langs elkaar heen',
			'Eilandjescultuur',
			'Silo thinking',
			'Sales and IT never talk to each other',
			'Iedere afdeling is een eilandje',
			'silos'
		]
	},
	{
		label: 'top-down decisions',
		cards: [
			'Decisions are made top-down',
			'Besluiten worden boven ons hoofd genomen',
			'Management decides everything',
			'Beslissingen komen van bovenaf',
			'No say in decisions',
			'Directie beslist, wij voeren uit',
			'Top down decision making'
		]
	},
	{
		label: 'everything needs approval',
		cards: [
			'Everything needs approval',
			'Voor alles is goedkeuring nodig',
			'Three signatures for a 20 euro purchase',
			'Waiting weeks for sign-off',
			'Lang wachten op akkoord',
			'Approval takes forever'
		]
	},
	{
		label: 'bureaucracy',
		cards: [
			'Too much paperwork',
			'Bureaucratie',
			'Formulieren voor alles',
			'Red tape everywhere',
			'Regeltjes boven gezond verstand',
			'Procedures slow us down',
			'Bureacratie'
		]
	},
	{
		label: 'fear of mistakes',
		cards: [
			'Afraid to make mistakes',
			'Bang om fouten te maken',
			'Mistakes are punished',
			'Fouten maken mag niet',
			'Fear of failure',
			'No room for errors',
			'Angst voor fouten'
		]
	},
	{
		label: 'not safe to speak up',
		cards: [
			"People don't speak up",
			'Niemand durft iets te zeggen',
			'Silence when the boss is in the room',
			'Kritiek uiten is niet veilig',
			"It's not safe to disagree",
			'Je mond houden is veiliger'
		]
	},
	{
		label: 'gossip',
		cards: [
			'Gossip at the coffee machine',
			'Roddelen bij de koffieautomaat',
			'Rumours spread faster than news',
			'Lots of gossip',
			'Er wordt veel geroddeld',
			'Roddels',
			'gossip gossip gossip'
		]
	},
	{
		label: 'constant reorganisation',
		cards: [
			'Reorganisation every year',
			'Weer een reorganisatie',
			'Constant change, nothing sticks',
			'Elk jaar een nieuwe structuur',
			'Change fatigue',
			'Veranderingen volgen elkaar te snel op',
			'Another restructure'
		]
	},
	{
		label: 'workload',
		cards: [
			'Werkdruk is te hoog',
			'High workload',
			'Everyone is stressed',
			'Burn-outs in het team',
			'Te veel werk, te weinig mensen',
			'Constant pressure',
			'Hoge druk',
			'werkdruk'
		]
	},
	{
		label: 'overtime expected',
		cards: [
			'Overwerk is normaal',
			'Working late is expected',
			'Leaving at 5 is frowned upon',
			'Wie om vijf uur gaat wordt raar aangekeken',
			'Unpaid overtime',
			'Overtime is the norm'
		]
	},
	{
		label: 'micromanagement',
		cards: [
			'Micromanagement',
			'Manager checks everything',
			'Alles wordt gecontroleerd',
			'No trust, only control',
			'Geen vertrouwen in ons',
			'Micromanaging bosses',
			'Controledrang van leidinggevenden'
		]
	},
	{
		label: 'customers wait for answers',
		cards: [
			'Customers wait weeks for an answer',
			'Klanten wachten lang op antwoord',
			'Slow response to complaints',
			'Klachten blijven liggen',
			'Nobody calls the customer back',
			'Reactietijd naar klanten is slecht'
		]
	},
	{
		label: 'customers passed around',
		cards: [
			'Customers get passed from department to department',
			'Klant wordt van het kastje naar de muur gestuurd',
			'Nobody feels responsible for the client',
			'Van het kastje naar de muur',
			'Transferred five times on the phone'
		]
	},
	{
		label: 'no onboarding',
		cards: [
			'New people are thrown in at the deep end',
			'Geen inwerkprogramma',
			'Onboarding is non-existent',
			"Nieuwe collega's worden niet ingewerkt",
			'Starters moeten het zelf uitzoeken',
			'No onboarding'
		]
	},
	{
		label: 'knowledge not shared',
		cards: [
			"Knowledge stays in people's heads",
			'Kennis wordt niet gedeeld',
			'Information is power here',
			'Informatie wordt achtergehouden',
			'Nobody documents anything',
			'Kennisdeling is slecht'
		]
	},
	{
		label: 'ideas ignored',
		cards: [
			'Ideas are ignored',
			'Ideeën worden genegeerd',
			'Suggestions go nowhere',
			'Niemand luistert naar voorstellen',
			'Not invented here',
			'Our ideas disappear in a drawer',
			'Ideeen verdwijnen in een la'
		]
	},
	{
		label: 'promises not kept',
		cards: [
			'Agreements are not kept',
			'Afspraken worden niet nagekomen',
			'Promises made, never delivered',
			'Beloftes van management komen niet uit',
			'Nobody follows through',
			'Afspraak is geen afspraak'
		]
	},
	{
		label: 'favouritism',
		cards: [
			'Favouritism in promotions',
			'Vriendjespolitiek',
			"The boss's friends get promoted",
			'Promotie gaat via via',
			'Voortrekken van favorieten',
			'Who you know matters more than what you do'
		]
	},
	{
		label: 'unclear direction',
		cards: [
			'No clear direction',
			'Geen duidelijke koers',
			'Nobody knows the strategy',
			'Visie is onduidelijk',
			'Where are we going?',
			'Strategy changes every quarter'
		]
	},
	{
		label: 'fun together',
		cards: [
			'Lots of laughter',
			'Veel humor op de werkvloer',
			'We have fun together',
			'Gezellige sfeer',
			'Friendly colleagues',
			"Leuke collega's",
			'Great atmosphere'
		]
	},
	{
		label: 'we help each other',
		cards: [
			'Colleagues always help each other',
			"Collega's helpen elkaar",
			'Everyone jumps in when needed',
			'Hulp vragen is normaal',
			'Strong team spirit',
			'We support each other'
		]
	},
	{
		label: 'interruptions',
		cards: [
			'Constant interruptions',
			'Je wordt steeds gestoord',
			'Chat pings all day',
			'Open kantoor is te druk',
			'Cannot focus with the noise',
			'Lawaai op de werkplek',
			'Teams notifications nonstop'
		]
	},
	{
		label: 'outdated tools',
		cards: [
			'Systems are outdated',
			'Oude laptops',
			'Software crasht dagelijks',
			"Tools don't work together",
			'Werken met verouderde systemen',
			'Excel lists everywhere'
		]
	},
	{
		label: 'hierarchy',
		cards: [
			'Strong hierarchy',
			'Hiërarchie is belangrijk',
			'Titles matter more than ideas',
			'Alles moet via je manager',
			'Only managers may speak to directors',
			'Hierarchical culture'
		]
	},
	{
		label: 'speed over quality',
		cards: [
			'Speed over quality',
			'Snelheid gaat voor kwaliteit',
			'Rushed releases',
			'Quick fixes instead of real solutions',
			'Haastwerk',
			'Always in a hurry, quality suffers'
		]
	},
	{
		label: 'seen as arrogant',
		cards: [
			'Partners find us arrogant',
			'Leveranciers vinden ons arrogant',
			'We think we know better than the customer',
			'Arrogant naar klanten',
			'Outsiders call us arrogant'
		]
	},
	{
		label: 'conflict avoided',
		cards: [
			'Conflicts are avoided',
			'Conflicten worden vermeden',
			'We never disagree openly',
			'Iedereen knikt in het overleg, daarna doet iedereen wat hij wil',
			'Ja zeggen, nee doen',
			'Avoiding difficult conversations'
		]
	},
	{
		label: 'remote work distrusted',
		cards: [
			'Thuiswerken wordt gewantrouwd',
			'Working from home is seen as slacking',
			'Manager wants to see us at the office',
			'Remote work is not trusted',
			'Aanwezigheid op kantoor telt meer dan resultaat'
		]
	},
	{
		label: 'no diversity at the top',
		cards: [
			'Only men in management',
			'Alleen mannen in de directie',
			'Few women in leadership',
			'Weinig vrouwen aan de top',
			'Management is all the same type'
		]
	},
	{
		label: 'lunch at the desk',
		cards: [
			'Lunch at your desk',
			'Lunchen achter je bureau',
			'No time for a lunch break',
			'Geen tijd om te lunchen',
			'Eating while working'
		]
	}
];

/**
 * Written after the engine was frozen (threshold, lexicon, stop words), and never used to
 * change it: the honest measure of how it does on cards it has not seen.
 */
export const FRESH_TOPICS: readonly { label: string; cards: readonly string[] }[] = [
	{
		label: 'unrealistic deadlines',
		cards: [
			'Deadlines are never realistic',
			'Onhaalbare deadlines',
			'Planning is wishful thinking',
			'Deadlines worden van bovenaf opgelegd',
			'Always rushing to meet impossible deadlines',
			'deadlnies are crazy'
		]
	},
	{
		label: 'no work-life balance',
		cards: [
			'No work-life balance',
			'Werk en privé lopen door elkaar',
			'Expected to work during holidays',
			'Vakantie wordt niet gerespecteerd',
			'Laptop mee op vakantie',
			'Taking leave feels like betrayal'
		]
	},
	{
		label: 'too much email',
		cards: [
			'Inbox overload',
			'Te veel mails',
			"Everyone is cc'd on everything",
			'Honderd mails per dag',
			'Reply-all storms',
			'Drowning in email'
		]
	},
	{
		label: 'customers not heard',
		cards: [
			"We don't listen to customers",
			'Klanten worden niet gehoord',
			'Customer feedback is ignored',
			'Klantfeedback verdwijnt in een la',
			'Product decisions without talking to users'
		]
	},
	{
		label: 'managers take the credit',
		cards: [
			'Managers take credit for our work',
			'De baas strijkt met de eer',
			'Our ideas are presented as theirs',
			'Credit goes to the top',
			'Leidinggevende pakt de eer'
		]
	},
	{
		label: 'people leave',
		cards: [
			'High turnover',
			'Veel verloop',
			'Good people leave',
			"Goede collega's vertrekken",
			'Nobody stays longer than two years',
			'Verloop is enorm'
		]
	},
	{
		label: 'pay too low',
		cards: [
			'Salaries are below market',
			'Salaris is te laag',
			'Underpaid for what we do',
			'Slecht betaald',
			'No raise in three years',
			'Loonsverhoging? Vergeet het maar'
		]
	},
	{
		label: 'meetings without decisions',
		cards: [
			'Meetings without decisions',
			'Vergaderen zonder besluiten',
			'We talk a lot but decide nothing',
			'Overleg levert niets op',
			'Endless discussions, no outcome'
		]
	},
	{
		label: 'no learning budget',
		cards: [
			'No budget for training',
			'Geen opleidingsbudget',
			'Courses are always cut first',
			'Leren moet in je eigen tijd',
			'Training is seen as a luxury'
		]
	},
	{
		label: 'trust and freedom',
		cards: [
			'We trust each other',
			'Veel vertrouwen in het team',
			'Managers give us freedom',
			'Vrijheid om zelf te beslissen',
			'Autonomy in how we work'
		]
	},
	{
		label: 'newcomers welcome',
		cards: [
			'New colleagues feel welcome quickly',
			'Nieuwe mensen worden hartelijk ontvangen',
			'Great buddy system for starters',
			'Warm welkom voor nieuwkomers'
		]
	},
	{
		label: 'hard to reach',
		cards: [
			'Hard to reach by phone',
			'Slecht bereikbaar voor klanten',
			'Nobody picks up the phone',
			'Telefoon wordt niet opgenomen',
			'Suppliers cannot reach the right person'
		]
	}
];

/** Fresh cards that belong to no group. */
export const FRESH_ALONE: readonly string[] = [
	'Parkeerplaatsen zijn te krap',
	'The plants in the office are dying',
	'Fietsenstalling is vol',
	'🎉',
	'Friday drinks',
	'De lift is altijd kapot'
];

/** Cards that belong to no group. */
export const ALONE: readonly string[] = [
	'Free fruit on Mondays',
	'De koffie is slecht',
	'Parking is a nightmare',
	'Christmas party is great',
	'Strict dress code',
	'Mooi uitzicht vanaf de vijfde verdieping',
	'🙈',
	'😴😴',
	'لا أحد يستمع إلى الموظفين',
	'אף אחד לא מקשיב',
	'?',
	'x'
];

/** The labelled cards with stable ids that say nothing about their label. */
export function labelledCards(): { id: string; text: string; label: string }[] {
	const cards: { id: string; text: string; label: string }[] = [];
	for (const topic of TOPICS) {
		topic.cards.forEach((text) => cards.push({ id: '', text, label: topic.label }));
	}
	ALONE.forEach((text, i) => cards.push({ id: '', text, label: `alone ${i}` }));
	return cards.map((card, i) => ({ ...card, id: `c${hash(`${i}:${card.text}`)}` }));
}

type Labelled = { id: string; text: string; label: string };

/**
 * The tuning half: every other topic (first, third, …) and every other lone card. The
 * threshold and the lexicon were adjusted looking at this half only; the other half is held
 * out to show how the engine does on topics it was not tuned on.
 */
export function tuningHalf(cards: readonly Labelled[]): Labelled[] {
	return cards.filter((card) => inTuningHalf(card.label));
}

export function holdoutHalf(cards: readonly Labelled[]): Labelled[] {
	return cards.filter((card) => !inTuningHalf(card.label));
}

function inTuningHalf(label: string): boolean {
	const topic = TOPICS.findIndex((t) => t.label === label);
	if (topic >= 0) return topic % 2 === 0;
	return Number(label.replace('alone ', '')) % 2 === 0;
}

/**
 * `count` cards made from the labelled ones, repeated with the slips people make (a swapped
 * pair of letters, case, doubled spaces, a trailing copy number), each with its own id and
 * its topic's label: for timing, and for quality at the size of a big room.
 */
export function perturbedCards(count: number): Labelled[] {
	const base = labelledCards();
	const next = random(7);
	const cards: Labelled[] = [];
	for (let i = 0; i < count; i++) {
		const { text, label } = base[i % base.length];
		const round = Math.floor(i / base.length);
		let changed = text;
		if (round > 0) {
			const slip = next();
			if (slip < 0.25) changed = swapLetters(text, next);
			else if (slip < 0.5) changed = text.toUpperCase();
			else if (slip < 0.75) changed = `${text} ${round}`;
			else changed = `  ${text.replace(/ /g, '  ')} `;
		}
		cards.push({ id: `p${String(i).padStart(5, '0')}${hash(changed)}`, text: changed, label });
	}
	return cards;
}

function swapLetters(text: string, next: () => number): string {
	const chars = Array.from(text);
	const at = 1 + Math.floor(next() * Math.max(1, chars.length - 3));
	if (at + 1 >= chars.length || !/\p{L}/u.test(chars[at] + chars[at + 1])) return text;
	[chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
	return chars.join('');
}

/** A small deterministic generator (mulberry32), so every run builds the same cards. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The fresh labelled cards (see `FRESH_TOPICS`), ids apart from the others'. */
export function freshCards(): Labelled[] {
	const cards: Labelled[] = [];
	for (const topic of FRESH_TOPICS) {
		topic.cards.forEach((text) => cards.push({ id: '', text, label: `fresh ${topic.label}` }));
	}
	FRESH_ALONE.forEach((text, i) => cards.push({ id: '', text, label: `fresh alone ${i}` }));
	return cards.map((card, i) => ({ ...card, id: `f${hash(`${i}:${card.text}`)}` }));
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}
