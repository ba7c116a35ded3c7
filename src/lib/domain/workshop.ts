/**
 * Live workshops: activity kinds, what each one asks of a participant, the facilitator's
 * pacing, and the rules a submitted answer must pass. Pure TypeScript.
 */
import { has, type ActivityKind, type KindsWith } from './activity-kinds';
import { ELEMENT_KINDS, type ElementKind, type Lens } from './culture';

export { ACTIVITY_KINDS, type ActivityKind } from './activity-kinds';
/** What a collect activity gathers: values, or one kind of element. */
export const COLLECT_TARGETS = ['value', ...ELEMENT_KINDS] as const;
export type CollectTarget = 'value' | ElementKind;

export const SCALES = { '1-5': { min: 1, max: 5 }, '0-10': { min: 0, max: 10 } } as const;
export type Scale = keyof typeof SCALES;

export const LIMITS = {
	cardText: { min: 1, max: 280 },
	prompt: { max: 500 },
	nickname: { max: 40 },
	title: { min: 1, max: 120 },
	dots: { min: 1, max: 20 },
	allocateTotal: 100,
	activities: { max: 40 },
	items: { max: 60 },
	timerSeconds: { min: 10, max: 4 * 60 * 60 }
} as const;

export type ActivityConfig =
	| { kind: 'collect'; lens: Lens; target: CollectTarget }
	| { kind: 'rate'; lenses: Lens[]; scale: Scale; valueIds: string[] }
	| { kind: 'dot_vote'; lens: Lens; dots: number; valueIds: string[] }
	| { kind: 'allocate'; lens: Lens; valueIds: string[] }
	| { kind: 'outsider' }
	| { kind: 'commit'; valueIds: string[] }
	| { kind: 'discuss' };

/** Activities whose answers are numbers per item, stored as votes. */
export function isVoting(kind: ActivityKind): kind is KindsWith<'voting'> {
	return has(kind, 'voting');
}

/**
 * The items a voting activity asks about. A rating asks about each value under each lens
 * (`valueId:lens`); dots and allocations go to values under the activity's one lens.
 */
export function votingItems(
	config: ActivityConfig
): { itemId: string; valueId: string; lens: Lens }[] {
	switch (config.kind) {
		case 'rate':
			return config.valueIds.flatMap((valueId) =>
				config.lenses.map((lens) => ({ itemId: `${valueId}:${lens}`, valueId, lens }))
			);
		case 'dot_vote':
		case 'allocate':
			return config.valueIds.map((valueId) => ({
				itemId: `${valueId}:${config.lens}`,
				valueId,
				lens: config.lens
			}));
		default:
			return [];
	}
}

export type AnswerProblem =
	| 'unknown_item'
	| 'not_integer'
	| 'out_of_range'
	| 'over_budget'
	| 'wrong_total'
	| 'empty'
	| 'too_many';

export type AnswerCheck = { ok: true } | { ok: false; problem: AnswerProblem; limit?: number };

/**
 * Checks one participant's answers to a voting activity. Ratings may arrive one or many at a
 * time (each replaces that item's rating); dots and allocations always arrive whole, because
 * the budget is about the set, not about one item.
 */
export function checkAnswers(config: ActivityConfig, answers: Record<string, number>): AnswerCheck {
	const items = new Set(votingItems(config).map((i) => i.itemId));
	const entries = Object.entries(answers);
	if (entries.length === 0) return { ok: false, problem: 'empty' };
	if (entries.length > items.size) return { ok: false, problem: 'too_many', limit: items.size };
	for (const [itemId, value] of entries) {
		if (!items.has(itemId)) return { ok: false, problem: 'unknown_item' };
		if (!Number.isInteger(value)) return { ok: false, problem: 'not_integer' };
	}
	switch (config.kind) {
		case 'rate': {
			const { min, max } = SCALES[config.scale];
			if (entries.some(([, v]) => v < min || v > max)) {
				return { ok: false, problem: 'out_of_range', limit: max };
			}
			return { ok: true };
		}
		case 'dot_vote': {
			if (entries.some(([, v]) => v < 0 || v > config.dots)) {
				return { ok: false, problem: 'out_of_range', limit: config.dots };
			}
			const spent = entries.reduce((sum, [, v]) => sum + v, 0);
			if (spent > config.dots) return { ok: false, problem: 'over_budget', limit: config.dots };
			if (spent === 0) return { ok: false, problem: 'empty' };
			return { ok: true };
		}
		case 'allocate': {
			const total = LIMITS.allocateTotal;
			if (entries.some(([, v]) => v < 0 || v > total)) {
				return { ok: false, problem: 'out_of_range', limit: total };
			}
			const sum = entries.reduce((s, [, v]) => s + v, 0);
			return sum === total ? { ok: true } : { ok: false, problem: 'wrong_total', limit: total };
		}
		default:
			return { ok: false, problem: 'unknown_item' };
	}
}

// ------------------------------------------------------------------ pacing

export const WORKSHOP_STATUSES = ['draft', 'live', 'locked', 'ended'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export interface Timer {
	/** When the timer runs out (ms since epoch); null while paused or unset. */
	endsAt: number | null;
	/** Time left while paused; null while running or unset. */
	remainingMs: number | null;
}

export interface Pace {
	status: WorkshopStatus;
	/** Index into the agenda; -1 before the first activity (people are joining). */
	current: number;
	inputOpen: boolean;
	revealed: boolean;
	/**
	 * The projector shows the workshop's results so far (lenses, gaps, votes) instead of the
	 * activity: the facilitator's choice, as revealing is; moving on switches it off.
	 */
	overview: boolean;
	timer: Timer;
}

export type PaceCommand =
	| { type: 'start' }
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'goto'; index: number }
	| { type: 'open_input' }
	| { type: 'close_input' }
	| { type: 'reveal' }
	| { type: 'hide' }
	| { type: 'show_overview' }
	| { type: 'hide_overview' }
	| { type: 'timer_start'; seconds: number }
	| { type: 'timer_pause' }
	| { type: 'timer_resume' }
	| { type: 'timer_clear' }
	| { type: 'lock' }
	| { type: 'unlock' }
	| { type: 'end' };

export type PaceResult =
	{ ok: true; pace: Pace } | { ok: false; problem: 'not_allowed' | 'out_of_range' };

const NO_TIMER: Timer = { endsAt: null, remainingMs: null };

export function initialPace(): Pace {
	return {
		status: 'draft',
		current: -1,
		inputOpen: false,
		revealed: false,
		overview: false,
		timer: NO_TIMER
	};
}

/**
 * The facilitator's console as a state machine. Moving to another activity closes input,
 * hides results and the overview (so nobody anchors on the last one's answers) and clears the
 * timer; a new activity opens for input on arrival. A locked workshop keeps its place but takes no input;
 * an ended one accepts nothing.
 */
export function pace(
	state: Pace,
	command: PaceCommand,
	agendaLength: number,
	now: number
): PaceResult {
	const ok = (next: Partial<Pace>): PaceResult => ({ ok: true, pace: { ...state, ...next } });
	const no = (problem: 'not_allowed' | 'out_of_range' = 'not_allowed'): PaceResult => ({
		ok: false,
		problem
	});
	const arrive = (index: number): PaceResult => {
		if (index < 0 || index >= agendaLength) return no('out_of_range');
		return ok({
			current: index,
			inputOpen: state.status === 'live',
			revealed: false,
			overview: false,
			timer: NO_TIMER
		});
	};

	if (state.status === 'ended') return no();
	switch (command.type) {
		case 'start':
			return state.status === 'draft' ? ok({ status: 'live' }) : no();
		case 'next':
			return state.status === 'draft' ? no() : arrive(state.current + 1);
		case 'previous':
			return state.status === 'draft' ? no() : arrive(state.current - 1);
		case 'goto':
			return state.status === 'draft' ? no() : arrive(command.index);
		case 'open_input':
			return state.status === 'live' && state.current >= 0 ? ok({ inputOpen: true }) : no();
		case 'close_input':
			return ok({ inputOpen: false });
		case 'reveal':
			return state.current >= 0 ? ok({ revealed: true }) : no();
		case 'hide':
			return ok({ revealed: false });
		case 'show_overview':
			return state.status === 'draft' ? no() : ok({ overview: true });
		case 'hide_overview':
			return ok({ overview: false });
		case 'timer_start': {
			const { min, max } = LIMITS.timerSeconds;
			if (!Number.isInteger(command.seconds) || command.seconds < min || command.seconds > max) {
				return no('out_of_range');
			}
			return ok({ timer: { endsAt: now + command.seconds * 1000, remainingMs: null } });
		}
		case 'timer_pause':
			return state.timer.endsAt === null
				? no()
				: ok({ timer: { endsAt: null, remainingMs: Math.max(0, state.timer.endsAt - now) } });
		case 'timer_resume':
			return state.timer.remainingMs === null
				? no()
				: ok({ timer: { endsAt: now + state.timer.remainingMs, remainingMs: null } });
		case 'timer_clear':
			return ok({ timer: NO_TIMER });
		case 'lock':
			return state.status === 'live' ? ok({ status: 'locked', inputOpen: false }) : no();
		case 'unlock':
			return state.status === 'locked' ? ok({ status: 'live' }) : no();
		case 'end':
			return ok({ status: 'ended', inputOpen: false, overview: false, timer: NO_TIMER });
	}
}

/** Whether a participant may answer the activity at `index` right now. */
export function acceptsInput(state: Pace, index: number): boolean {
	return state.status === 'live' && state.current === index && state.inputOpen;
}

// --------------------------------------------------------------- join code

/** No 0/O, 1/I/L, 5/S or 8/B: codes are read off a projector and typed on phones. */
export const JOIN_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY234679';
export const JOIN_CODE_LENGTH = 6;

/** A join code from random bytes (one byte per character; modulo bias is negligible here). */
export function joinCodeFrom(bytes: Uint8Array): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_ALPHABET[bytes[i] % JOIN_ALPHABET.length];
	return code;
}

/** What a person typed, as a code: case, spaces and dashes forgiven; null when it cannot be one. */
export function normaliseJoinCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return null;
	return [...code].every((c) => JOIN_ALPHABET.includes(c)) ? code : null;
}
