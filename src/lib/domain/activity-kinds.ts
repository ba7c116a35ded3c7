/**
 * What each activity kind does, answered once. Pages, the live layer, analytics and templates
 * ask this table instead of listing kind names, so adding a kind means one row here, its
 * components (each page's kind-to-component map) and its messages. Pure TypeScript.
 */

export interface KindTraits {
	/** Participants answer with numbers per item, stored as votes and tallied. */
	readonly voting: boolean;
	/**
	 * Each person spends a budget (dots, points) over the items, so an answer replaces the
	 * person's whole set: the budget is about the set, not about one item.
	 */
	readonly spendsBudget: boolean;
	/** Participants write cards onto a wall. */
	readonly cardWall: boolean;
	/** The room sees the wall while it is being written (to support posts), before any reveal. */
	readonly wallOpenToRoom: boolean;
	/** The facilitator groups the cards under the team's values (suggestions, the map's review). */
	readonly groupsUnderValues: boolean;
	/** Participants support each other's cards. */
	readonly upvotes: boolean;
	/** The facilitator may hold cards for approval before the room sees them. */
	readonly moderated: boolean;
	/** Participants answer at all: input opens and closes. */
	readonly takesInput: boolean;
	/** There is something (tallies, a wall) that stays hidden until the facilitator reveals it. */
	readonly revealsResults: boolean;
	/** The activity asks about some of the team's values (its config lists them). */
	readonly asksAboutValues: boolean;
	/** A phone's own part (its cards, support, the leader's form) is not in the stream. */
	readonly ownState: boolean;
	/** The results page lists it with what the room wrote (texts, word clouds). */
	readonly written: boolean;
}

export const KINDS = {
	collect: {
		voting: false,
		spendsBudget: false,
		cardWall: true,
		wallOpenToRoom: false,
		groupsUnderValues: true,
		upvotes: false,
		moderated: false,
		takesInput: true,
		revealsResults: true,
		asksAboutValues: false,
		ownState: true,
		written: true
	},
	rate: {
		voting: true,
		spendsBudget: false,
		cardWall: false,
		wallOpenToRoom: false,
		groupsUnderValues: false,
		upvotes: false,
		moderated: false,
		takesInput: true,
		revealsResults: true,
		asksAboutValues: true,
		ownState: false,
		written: false
	},
	dot_vote: {
		voting: true,
		spendsBudget: true,
		cardWall: false,
		wallOpenToRoom: false,
		groupsUnderValues: false,
		upvotes: false,
		moderated: false,
		takesInput: true,
		revealsResults: true,
		asksAboutValues: true,
		ownState: false,
		written: false
	},
	allocate: {
		voting: true,
		spendsBudget: true,
		cardWall: false,
		wallOpenToRoom: false,
		groupsUnderValues: false,
		upvotes: false,
		moderated: false,
		takesInput: true,
		revealsResults: true,
		asksAboutValues: true,
		ownState: false,
		written: false
	},
	outsider: {
		voting: false,
		spendsBudget: false,
		cardWall: true,
		wallOpenToRoom: true,
		groupsUnderValues: false,
		upvotes: true,
		moderated: true,
		takesInput: true,
		revealsResults: true,
		asksAboutValues: false,
		ownState: true,
		written: true
	},
	commit: {
		voting: false,
		spendsBudget: false,
		cardWall: false,
		wallOpenToRoom: false,
		groupsUnderValues: false,
		upvotes: false,
		moderated: false,
		takesInput: true,
		revealsResults: false,
		asksAboutValues: true,
		ownState: true,
		written: false
	},
	discuss: {
		voting: false,
		spendsBudget: false,
		cardWall: false,
		wallOpenToRoom: false,
		groupsUnderValues: false,
		upvotes: false,
		moderated: false,
		takesInput: false,
		revealsResults: false,
		asksAboutValues: false,
		ownState: false,
		written: true
	}
} as const satisfies Record<string, KindTraits>;

export type ActivityKind = keyof typeof KINDS;

/** A value for every kind: what each page's kind-to-component map and per-kind table satisfy. */
export type PerKind<T> = Record<ActivityKind, T>;

/** The kinds, in the order the facilitator's "add an activity" list offers them. */
export const ACTIVITY_KINDS = Object.keys(KINDS) as [ActivityKind, ...ActivityKind[]];

export type Trait = keyof KindTraits;

/** The kinds that have a trait, as a type: e.g. `KindsWith<'voting'>` is rate | dot_vote | allocate. */
export type KindsWith<T extends Trait> = {
	[K in ActivityKind]: (typeof KINDS)[K][T] extends true ? K : never;
}[ActivityKind];

/** Whether a kind has a trait, narrowing the kind. */
export function has<T extends Trait>(kind: ActivityKind, trait: T): kind is KindsWith<T> {
	return KINDS[kind][trait];
}

/** The kinds that have a trait, in table order. */
export function kindsWith<T extends Trait>(trait: T): KindsWith<T>[] {
	return ACTIVITY_KINDS.filter((kind): kind is KindsWith<T> => KINDS[kind][trait]);
}
