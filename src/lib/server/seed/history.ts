/**
 * A year of history for the demo teams (stories.ts), played through the app's own server
 * functions: workshops made from the templates and paced from start to end, participants
 * joining and answering (votes written and released as the live room writes them), cards and
 * outsider posts landed on the board, commitments made in the workshops with check-ins,
 * completed, dropped or left open, and monthly pulses answered and released per response.
 *
 * The app has no way to make something in the past, so the few `created_at` columns that the
 * database stamps itself are moved back to when the story says it happened (`backdate`); every
 * other time goes in through the functions' own `now`. Answers come from a seeded PRNG: the
 * same `now` gives the same answers. Each team's part is skipped when it is already there
 * (workshops, pulses, leaders), so running it again changes nothing.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Lens } from '../../domain/culture';
import { addDays, scaleOf } from '../../domain/pulse';
import { agendaFromTemplate, defaultConfig, findTemplate } from '../../domain/templates';
import {
	initialPace,
	isVoting,
	pace,
	SCALES,
	votingItems,
	type ActivityConfig,
	type Pace,
	type PaceCommand
} from '../../domain/workshop';
import { isoDate } from '../../room/dates';
import {
	createInvitation,
	createUserFromInvitation,
	findUserByEmail,
	getOrganisation,
	listTeams
} from '../accounts/queries';
import { landWorkshopPosts } from '../board/queries';
import {
	addCheckin,
	closeCommitment,
	createCommitment,
	listReviewItems
} from '../commitments/queries';
import type { Database } from '../db';
import {
	activities,
	boardPosts,
	cards,
	commitmentCheckins,
	commitments,
	participants,
	pulses,
	teams,
	workshops
} from '../db/schema';
import { hashToken, newToken } from '../ids';
import { createPulse, listItems, listPulses, savePulseResponse } from '../pulses/queries';
import {
	addActivity,
	addCard,
	addCommitment,
	addParticipant,
	createWorkshop,
	listActivities,
	listWorkshops,
	reorderActivities,
	savePace,
	updateActivity,
	upvoteCard,
	writeVotes,
	type VoteEntry
} from '../workshops/queries';
import { listTeamValueOptions, mergeSelectedCards } from '../workshops/staff';
import { STORIES, type CommitmentStory, type Drift, type TeamStory } from './stories';

const DAY = 86_400_000;

/** The dot vote on today's culture a facilitator adds after the rating. */
const CURRENT_DOTS = {
	en: {
		title: 'What drives us today',
		prompt: 'Spend your three dots on the values that really drive what we do today.'
	},
	nl: {
		title: 'Wat ons vandaag drijft',
		prompt: 'Verdeel je drie stippen over de waarden die vandaag echt bepalen wat we doen.'
	}
} as const;
const MINUTE = 60_000;

export interface TeamSummary {
	team: string;
	workshops: number;
	participants: number;
	pulses: number;
	responses: number;
	commitments: number;
	checkins: number;
	/** What was there already and left alone. */
	skipped: ('leaders' | 'workshops' | 'pulses')[];
}

// ------------------------------------------------------------------ chance

/** mulberry32: small, fast and good enough for made-up answers. */
function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const normal = () => {
		const u = Math.max(next(), 1e-9);
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	/** An index drawn with probability proportional to its weight. */
	const weighted = (weights: readonly number[]) => {
		let r = next() * weights.reduce((a, b) => a + b, 0);
		for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
		return weights.length - 1;
	};
	return { next, normal, int, pick, weighted };
}
type Rng = ReturnType<typeof prng>;

function seedOf(text: string): number {
	let h = 2166136261;
	for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
	return h >>> 0;
}

const lerp = ([start, end]: Drift, t: number) => start + (end - start) * t;
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * A whole score around `mean` (given on 1–5) on a scale, with one person's spread; `noise` is
 * a standard normal draw (given when the draws of a group are spread evenly: `evenNoise`).
 */
function score(
	rng: Rng,
	mean: number,
	scale: { min: number; max: number },
	spread = 0.85,
	noise = rng.normal()
) {
	const share = (mean - 1) / 4;
	const centre = scale.min + share * (scale.max - scale.min);
	return clamp(
		Math.round(centre + noise * spread * ((scale.max - scale.min) / 4)),
		scale.min,
		scale.max
	);
}

/**
 * `n` standard normal draws spread evenly over the distribution, in random order: a small
 * group answers like its mean says instead of swinging from month to month by chance alone.
 */
function evenNoise(rng: Rng, n: number): number[] {
	const draws = Array.from({ length: n }, (_, i) => {
		const q = (i + rng.next()) / n;
		// The logistic approximation of the normal's quantile function.
		return Math.log(q / (1 - q)) / 1.702;
	});
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rng.next() * (i + 1));
		[draws[i], draws[j]] = [draws[j], draws[i]];
	}
	return draws;
}

// ------------------------------------------------------------------ helpers

type Stamped = typeof workshops | typeof activities | typeof cards | typeof commitments;

/** Moves a database-stamped `created_at` back to when the story says it happened. */
async function backdate(db: Database, table: Stamped | typeof pulses, where: SQL, at: Date) {
	await db.update(table).set({ createdAt: at }).where(where);
}

const at = (now: Date, daysAgo: number, hour = 9) => {
	const day = new Date(now.getTime() - daysAgo * DAY);
	day.setUTCHours(hour, 0, 0, 0);
	return day;
};

/** Whether the story's team has a value name; the maps and the stories are kept together. */
function valueIdsByName(values: { id: string; name: string }[]) {
	return new Map(values.map((v) => [v.name, v.id]));
}

// ------------------------------------------------------------------ leaders

async function ensureLeaders(
	db: Database,
	input: { orgId: string; teamId: string; ownerId: string; passwordHash: string },
	story: TeamStory,
	now: Date
): Promise<{ ids: string[]; made: number }> {
	const ids: string[] = [];
	let made = 0;
	for (const leader of story.leaders) {
		const known = await findUserByEmail(db, leader.email);
		if (known) {
			ids.push(known.id);
			continue;
		}
		// As an owner invites a leader to the team and the leader signs up through the link.
		const { token } = await createInvitation(
			db,
			{ orgId: input.orgId, role: 'leader', teamId: input.teamId, createdBy: input.ownerId },
			now.getTime()
		);
		const { user } = await createUserFromInvitation(
			db,
			{ email: leader.email, name: leader.name, passwordHash: input.passwordHash },
			token,
			now
		);
		ids.push(user.id);
		made++;
	}
	return { ids, made };
}

// ------------------------------------------------------------------ workshops

interface Context {
	db: Database;
	rng: Rng;
	now: Date;
	story: TeamStory;
	teamId: string;
	ownerId: string;
	minGroupSize: number;
	/** Leader index (-1: owner) → user id. */
	leader: (index: number) => string;
	values: Map<string, string>;
	names: Map<string, string>;
}

/** Events after a workshop (check-ins, closing) waiting for their day, oldest first. */
type Later = { at: Date; run: () => Promise<unknown> };

function ratingMean(ctx: Context, valueId: string, lens: Lens, t: number): number {
	const story = ctx.story.values[ctx.names.get(valueId) ?? ''];
	const drift = story?.ratings[lens];
	return drift ? lerp(drift, t) : lens === 'strategic' ? 3.6 : 3.2;
}

/** One participant's answers to a voting activity, as their phone would send them. */
function answersOf(
	ctx: Context,
	config: ActivityConfig,
	t: number,
	bias: number
): Record<string, number> {
	const items = votingItems(config);
	const answers: Record<string, number> = {};
	switch (config.kind) {
		case 'rate': {
			const scale = SCALES[config.scale];
			for (const item of items) {
				const mean = ratingMean(ctx, item.valueId, item.lens, t) + bias;
				answers[item.itemId] = score(ctx.rng, mean, scale);
			}
			return answers;
		}
		case 'dot_vote': {
			const weights = items.map((i) => ratingMean(ctx, i.valueId, i.lens, t) ** 3);
			for (let d = 0; d < config.dots; d++) {
				const item = items[ctx.rng.weighted(weights)];
				answers[item.itemId] = (answers[item.itemId] ?? 0) + 1;
			}
			return answers;
		}
		case 'allocate': {
			const weights = items.map((i) => ratingMean(ctx, i.valueId, i.lens, t) ** 4);
			const chosen = new Set<number>();
			const count = ctx.rng.int(2, Math.min(4, items.length));
			while (chosen.size < count) chosen.add(ctx.rng.weighted(weights));
			// Fives of points in proportion to the weights, the rest to the first choice.
			const list = [...chosen];
			const sum = list.reduce((s, i) => s + weights[i] * (0.6 + ctx.rng.next()), 0);
			let left = 100;
			for (const i of list.slice(1)) {
				const points = Math.max(5, Math.round(((weights[i] * 0.9) / sum) * 20) * 5);
				const given = Math.min(points, left - 5);
				if (given > 0) answers[items[i].itemId] = given;
				left -= Math.max(0, given);
			}
			answers[items[list[0]].itemId] = left;
			return answers;
		}
		default:
			return answers;
	}
}

function cardsFor(story: TeamStory, config: ActivityConfig): string[] {
	if (config.kind === 'outsider') return story.outsider;
	if (config.kind !== 'collect') return [];
	return story.cards[`${config.lens}:${config.target}`] ?? story.cards[config.target] ?? [];
}

async function playWorkshop(ctx: Context, index: number, later: Later[]) {
	const { db, rng, story, teamId } = ctx;
	const spec = story.workshops[index];
	const template = findTemplate(spec.template);
	if (!template) throw new Error(`No template ${spec.template}`);
	const startsAt = at(ctx.now, spec.daysAgo, 9);
	const createdAt = new Date(startsAt.getTime() - 9 * DAY);
	// Through the route's own steps: the values, the review of earlier commitments, the agenda.
	const values = (await listTeamValueOptions(db, teamId)).filter((v) => !v.archived);
	const review = await listReviewItems(db, teamId, createdAt);
	const { id } = await createWorkshop(db, {
		teamId,
		title: spec.title,
		createdBy: ctx.ownerId,
		agenda: agendaFromTemplate(template, story.locale, values, review)
	});
	await backdate(db, workshops, eq(workshops.id, id), createdAt);
	// The facilitator's changes in the agenda editor: the rating asks about all three lenses,
	// so that every workshop shows both gaps (said and done, today and the strategy), and a dot
	// vote on today's culture follows it, for its cultural entropy.
	for (const a of await listActivities(db, id)) {
		if (a.config.kind !== 'rate') continue;
		const config: ActivityConfig = { ...a.config, lenses: ['assumed', 'current', 'strategic'] };
		await updateActivity(db, id, a.id, { title: a.title, prompt: a.prompt, config });
	}
	const dots = await addActivity(db, id, {
		kind: 'dot_vote',
		...CURRENT_DOTS[story.locale],
		config: defaultConfig('dot_vote', values)
	});
	const rest = (await listActivities(db, id)).filter((a) => a.id !== dots);
	const after = rest.findIndex((a) => a.kind === 'rate') + 1;
	const order = [...rest.slice(0, after), { id: dots }, ...rest.slice(after)].map((a) => a.id);
	await reorderActivities(db, id, order);
	await backdate(db, activities, eq(activities.workshopId, id), createdAt);
	const agenda = await listActivities(db, id);

	// Everyone joins in the first minutes.
	const people: { id: string; bias: number }[] = [];
	for (let i = 0; i < spec.people; i++) {
		const joined = await addParticipant(db, id, null);
		people.push({ id: joined.id, bias: rng.normal() * 0.35 });
	}
	await db
		.update(participants)
		.set({ joinedAt: new Date(startsAt.getTime() - 5 * MINUTE) })
		.where(eq(participants.workshopId, id));

	const t = (ctx.now.getTime() - startsAt.getTime()) / (365 * DAY);
	const yearShare = clamp(1 - t, 0, 1);
	let clock = startsAt.getTime();
	let state: Pace = initialPace();
	const step = async (command: PaceCommand) => {
		const result = pace(state, command, agenda.length, clock);
		if (!result.ok) throw new Error(`Pace ${command.type} refused: ${result.problem}`);
		state = result.pace;
		await savePace(db, id, state, new Date(clock));
	};

	await step({ type: 'start' });
	for (const activity of agenda) {
		clock += 2 * MINUTE;
		await step({ type: 'next' });
		const config = activity.config;
		if (isVoting(activity.kind)) {
			const entries: VoteEntry[] = [];
			for (const person of people) {
				if (rng.next() < 0.07) continue; // Not everyone answers everything.
				const answers = answersOf(ctx, config, yearShare, person.bias);
				entries.push({
					activityId: activity.id,
					participantId: person.id,
					replaceAll: activity.kind !== 'rate',
					answers: Object.entries(answers).map(([itemId, value]) => {
						const [valueId, lens] = itemId.split(':') as [string, Lens];
						return { itemId, valueId, cardId: null, lens, score: value };
					})
				});
			}
			clock += 6 * MINUTE;
			await writeVotes(db, entries, clock);
			await step({ type: 'close_input' });
			await step({ type: 'reveal' });
		} else if (activity.kind === 'collect' || activity.kind === 'outsider') {
			const pool = cardsFor(story, config);
			const written: { id: string; by: string; text: string }[] = [];
			for (const person of people) {
				const n = rng.next() < 0.2 ? 0 : rng.next() < 0.75 ? 1 : 2;
				const mine = new Set<string>();
				for (let c = 0; c < n && pool.length > 0; c++) mine.add(rng.pick(pool));
				for (const text of mine) {
					const cardId = await addCard(db, activity.id, person.id, text);
					written.push({ id: cardId, by: person.id, text });
				}
			}
			clock += 8 * MINUTE;
			await backdate(db, cards, eq(cards.activityId, activity.id), new Date(clock));
			if (activity.kind === 'outsider') {
				// The facilitator folds the posts that say the same thing into one (the console's
				// merge), then the room upvotes what stands.
				const standing: typeof written = [];
				for (const text of new Set(written.map((w) => w.text))) {
					const same = written.filter((w) => w.text === text);
					if (same.length > 1) {
						await mergeSelectedCards(
							db,
							activity.id,
							same.map((w) => w.id)
						);
					}
					standing.push(same[0]);
				}
				for (const person of people) {
					const others = standing.filter((w) => w.by !== person.id);
					for (let u = rng.int(0, 3); u > 0 && others.length > 0; u--) {
						await upvoteCard(db, rng.pick(others).id, person.id);
					}
				}
			}
			await step({ type: 'close_input' });
		} else if (activity.kind === 'commit') {
			clock += 10 * MINUTE;
			const made = story.commitments.filter((c) => c.workshop === index);
			for (const c of made) {
				const valueId = ctx.values.get(c.value);
				const allowed = config.kind === 'commit' ? config.valueIds : [];
				if (!valueId || !allowed.includes(valueId)) {
					throw new Error(`${story.team}: "${c.value}" is not a value of the commit activity`);
				}
				const commitmentId = await addCommitment(db, {
					teamId,
					workshopId: id,
					leaderId: ctx.leader(c.leader),
					valueId,
					action: c.action,
					signal: c.signal,
					dueOn: isoDate(new Date(startsAt.getTime() + c.dueInDays * DAY))
				});
				await backdate(db, commitments, eq(commitments.id, commitmentId), new Date(clock));
				later.push(...afterwards(ctx, commitmentId, c, startsAt));
			}
		} else {
			clock += 15 * MINUTE; // A discussion: talk, no input.
		}
	}
	clock += 5 * MINUTE;
	await step({ type: 'end' });
	// What ending does in the console: the outsider posts land on the team's board.
	await landWorkshopPosts(db, id, ctx.minGroupSize);
	await db
		.update(boardPosts)
		.set({ createdAt: new Date(clock) })
		.where(eq(boardPosts.workshopId, id));
	return { participants: people.length };
}

/** A commitment's check-ins and its closing, each on its day. */
function afterwards(
	ctx: Context,
	commitmentId: string,
	c: Omit<CommitmentStory, 'workshop'>,
	from: Date
): Later[] {
	const { db, teamId } = ctx;
	const day = (n: number, hour = 16) => {
		const date = new Date(from.getTime() + n * DAY);
		date.setUTCHours(hour, 0, 0, 0);
		return date.getTime();
	};
	const events: Later[] = c.checkins.map((checkin) => ({
		at: new Date(day(checkin.day)),
		run: async () => {
			const id = await addCheckin(db, {
				commitmentId,
				authorId: ctx.leader(c.leader),
				did: checkin.did,
				happenedOn: isoDate(new Date(day(checkin.day)))
			});
			await db
				.update(commitmentCheckins)
				.set({ createdAt: new Date(day(checkin.day)) })
				.where(eq(commitmentCheckins.id, id));
		}
	}));
	const fate = c.fate;
	const closing =
		fate.kind === 'on_time'
			? { day: c.dueInDays - fate.daysEarly, close: { status: 'done' as const } }
			: fate.kind === 'late'
				? { day: c.dueInDays + fate.daysLate, close: { status: 'done' as const } }
				: fate.kind === 'dropped'
					? { day: fate.afterDays, close: { status: 'dropped' as const, reason: fate.reason } }
					: null;
	if (closing) {
		const when = new Date(day(closing.day, 17));
		events.push({
			at: when,
			run: () => closeCommitment(db, teamId, commitmentId, closing.close, when)
		});
	}
	return events;
}

async function runUntil(later: Later[], until: number) {
	later.sort((a, b) => a.at.getTime() - b.at.getTime());
	while (later.length > 0 && later[0].at.getTime() < until) await later.shift()!.run();
}

// ------------------------------------------------------------------ pulses

async function playPulses(ctx: Context, leaderIds: Map<string, number>) {
	const { db, rng, story, teamId } = ctx;
	let responses = 0;
	const months = story.pulses.respondents.length;
	// The team's size as its owner would set it: a few more people than ever answered at once.
	await db
		.update(teams)
		.set({ size: Math.max(...story.pulses.respondents) + 4 })
		.where(eq(teams.id, teamId));
	for (let month = 0; month < months; month++) {
		// Monthly, the last one opened five days ago and still open.
		const opens = at(ctx.now, 5 + (months - 1 - month) * 30, 8);
		const opensOn = isoDate(opens);
		const closesOn = addDays(opensOn, 13);
		const pulseId = await createPulse(db, {
			teamId,
			opensOn,
			closesOn,
			cadenceWeeks: 4,
			openQuestion: story.pulses.openQuestion,
			withSafety: true,
			withLeaders: true,
			createdBy: ctx.ownerId
		});
		await backdate(db, pulses, eq(pulses.id, pulseId), new Date(opens.getTime() - 2 * DAY));
		const items = await listItems(db, pulseId);
		const t = month / (months - 1);
		const open = Math.min(13, Math.floor((ctx.now.getTime() - opens.getTime()) / DAY));
		const respondents = story.pulses.respondents[month];
		const noise = new Map(items.map((item) => [item.id, evenNoise(rng, respondents)]));
		// In the order they came in: a release compares what was written since the last one.
		const times = Array.from({ length: respondents }, () => rng.int(0, open * 24 - 1)).sort(
			(a, b) => a - b
		);
		for (let r = 0; r < respondents; r++) {
			const bias = rng.normal() * 0.2;
			const when = new Date(opens.getTime() + times[r] * 60 * MINUTE);
			const scores = new Map<string, number>();
			for (const item of items) {
				const mean =
					item.kind === 'value'
						? lerp(story.values[item.valueName ?? '']?.pulse ?? [3.4, 3.4], t)
						: item.kind === 'leader'
							? lerp(
									story.pulses.leaders[leaderIds.get(item.leaderId ?? '') ?? -2] ?? [3.3, 3.3],
									t
								)
							: item.kind === 'safety'
								? lerp(story.pulses.safety, t)
								: // eNPS: its drift is given on 0–10.
									1 + (lerp(story.pulses.enps, t) / 10) * 4;
				if (rng.next() < 0.04) continue; // A skipped statement.
				scores.set(
					item.id,
					score(rng, mean + bias, scaleOf(item.kind), 0.7, noise.get(item.id)![r])
				);
			}
			const text = rng.next() < 0.35 ? rng.pick(story.pulses.answers) : '';
			const tokenHash = hashToken(newToken());
			await savePulseResponse(db, {
				pulse: { id: pulseId, teamId },
				tokenHash,
				scores,
				open: text,
				now: when
			});
			if (text) {
				await db
					.update(boardPosts)
					.set({ createdAt: when })
					.where(and(eq(boardPosts.pulseId, pulseId), eq(boardPosts.authorHash, tokenHash)));
			}
			responses++;
		}
	}
	return { pulses: months, responses };
}

// ------------------------------------------------------------------ a team

async function seedTeamHistory(
	db: Database,
	input: { orgId: string; teamId: string; ownerId: string; passwordHash: string; now: Date },
	story: TeamStory,
	minGroupSize: number
): Promise<TeamSummary> {
	const { now, teamId } = input;
	const summary: TeamSummary = {
		team: story.team,
		workshops: 0,
		participants: 0,
		pulses: 0,
		responses: 0,
		commitments: 0,
		checkins: 0,
		skipped: []
	};
	const leaders = await ensureLeaders(db, input, story, at(now, 365));
	if (leaders.made === 0) summary.skipped.push('leaders');
	const values = (await listTeamValueOptions(db, teamId)).filter((v) => !v.archived);
	const ctx: Context = {
		db,
		rng: prng(seedOf(`${story.team} ${isoDate(now)}`)),
		now,
		story,
		teamId,
		ownerId: input.ownerId,
		minGroupSize,
		leader: (index) => (index < 0 ? input.ownerId : leaders.ids[index]),
		values: valueIdsByName(values),
		names: new Map(values.map((v) => [v.id, v.name]))
	};

	if ((await listWorkshops(db, teamId)).length > 0) {
		summary.skipped.push('workshops');
	} else {
		const later: Later[] = [];
		const byHand = story.byHand;
		const handAt = at(now, byHand.daysAgo, 11);
		let handMade = false;
		const makeByHand = async () => {
			const commitmentId = await createCommitment(db, {
				teamId,
				leaderId: ctx.leader(byHand.leader),
				valueId: ctx.values.get(byHand.value) ?? '',
				action: byHand.action,
				signal: byHand.signal,
				dueOn: isoDate(new Date(handAt.getTime() + byHand.dueInDays * DAY))
			});
			await backdate(db, commitments, eq(commitments.id, commitmentId), handAt);
			later.push(...afterwards(ctx, commitmentId, byHand, handAt));
			handMade = true;
		};
		for (let i = 0; i < story.workshops.length; i++) {
			const startsAt = at(now, story.workshops[i].daysAgo, 9);
			if (!handMade && handAt < startsAt) await makeByHand();
			// What happened before this workshop is what its review looks back on.
			await runUntil(later, startsAt.getTime() - 9 * DAY);
			const played = await playWorkshop(ctx, i, later);
			summary.workshops++;
			summary.participants += played.participants;
		}
		if (!handMade) await makeByHand();
		await runUntil(later, now.getTime());
		summary.commitments = story.commitments.length + 1;
		summary.checkins = [...story.commitments, byHand].reduce((n, c) => n + c.checkins.length, 0);
	}

	if ((await listPulses(db, teamId)).length > 0) {
		summary.skipped.push('pulses');
	} else {
		const leaderIndex = new Map<string, number>([[input.ownerId, -1]]);
		leaders.ids.forEach((id, i) => leaderIndex.set(id, i));
		Object.assign(summary, await playPulses(ctx, leaderIndex));
	}
	return summary;
}

/**
 * Seeds the history of every demo team of the organisation that exists (found by name; the
 * maps must be there: seedMap). `passwordHash` is given to the leaders it invites.
 */
export async function seedHistory(
	db: Database,
	input: { orgId: string; ownerId: string; passwordHash: string; now?: Date }
): Promise<TeamSummary[]> {
	const now = input.now ?? new Date();
	const org = await getOrganisation(db, input.orgId);
	if (!org) throw new Error('No such organisation');
	const teams = await listTeams(db, input.orgId);
	const summaries: TeamSummary[] = [];
	for (const story of STORIES) {
		const team = teams.find((t) => t.name === story.team);
		if (!team) continue;
		summaries.push(
			await seedTeamHistory(db, { ...input, teamId: team.id, now }, story, org.minGroupSize)
		);
	}
	return summaries;
}
