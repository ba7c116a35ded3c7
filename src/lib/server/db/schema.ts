import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { BOARD_STATUSES } from '../../domain/board';
import { ELEMENT_KINDS, LENSES, ROLES } from '../../domain/culture';
import { DESTINATIONS } from '../../domain/review';
import { PULSE_ITEM_KINDS } from '../../domain/pulse';
import { REMINDER_KINDS, REMINDER_STATES } from '../../domain/reminders';
import { CONTENT_LANGUAGES } from '../../domain/templates';
import { ACTIVITY_KINDS, WORKSHOP_STATUSES, type ActivityConfig } from '../../domain/workshop';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

// ---------------------------------------------------------------- accounts

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: createdAt()
});

/** Lucia-guide sessions: `id` is the hex SHA-256 of the token the browser holds. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed sign-in counters, per account and per address; shared by every app instance. */
export const authThrottle = sqliteTable('auth_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' })
});

// ---------------------------------------------------------- organisations

export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	/** No result, breakdown or export is shown for fewer respondents than this. */
	minGroupSize: integer('min_group_size').notNull().default(5),
	createdAt: createdAt()
});

export const memberships = sqliteTable(
	'memberships',
	{
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)]
);

export const teams = sqliteTable(
	'teams',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		nameKey: text('name_key').notNull(),
		/** The language new workshops and pulses of the team are written in (an owner sets it). */
		language: text('language', { enum: CONTENT_LANGUAGES }).notNull().default('en'),
		/** The department (or site) an owner put the team in; none when null. */
		departmentId: text('department_id').references(() => departments.id, {
			onDelete: 'set null'
		}),
		/** How many people the team has, as an owner set it; null: unknown (no participation shown). */
		size: integer('size'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('teams_org_name_key').on(t.orgId, t.nameKey),
		index('teams_department_idx').on(t.departmentId)
	]
);

/** An organisation's departments (or sites): the organisation's dashboard groups teams by them. */
export const departments = sqliteTable(
	'departments',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		nameKey: text('name_key').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('departments_org_name_key').on(t.orgId, t.nameKey)]
);

/** Which staff belong to which team: facilitators edit, leaders see, their own teams. */
export const teamMembers = sqliteTable(
	'team_members',
	{
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.userId] }),
		index('team_members_user_idx').on(t.userId)
	]
);

export const invitations = sqliteTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** SHA-256 of the token in the link; the link itself is shown once. */
		tokenHash: text('token_hash').notNull().unique(),
		role: text('role', { enum: ROLES }).notNull(),
		teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('invitations_org_idx').on(t.orgId)]
);

// ------------------------------------------------------------- culture map

/**
 * Provenance shared by every element of the map. An anonymous participant is recorded only
 * as `author_kind = 'participant'`: no participant id is kept on the map, so a map can never
 * be traced back to a person. `workshop_id` links elements that came out of a workshop.
 */
const provenance = () => ({
	authorKind: text('author_kind', { enum: ['staff', 'participant'] })
		.notNull()
		.default('staff'),
	authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
	source: text('source', { enum: ['staff', 'workshop'] })
		.notNull()
		.default('staff'),
	workshopId: text('workshop_id'),
	/** How many of the workshop's cards it stands for, when a review accepted it (0011). */
	cardCount: integer('card_count'),
	createdAt: createdAt(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
	archivedAt: integer('archived_at', { mode: 'timestamp_ms' })
});

export const cultureValues = sqliteTable(
	'culture_values',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** Case- and accent-insensitive form of the name; unique within a team. */
		nameKey: text('name_key').notNull(),
		meaning: text('meaning').notNull().default(''),
		position: integer('position').notNull(),
		limiting: integer('limiting', { mode: 'boolean' }).notNull().default(false),
		...provenance()
	},
	(t) => [
		uniqueIndex('culture_values_team_name_key').on(t.teamId, t.nameKey),
		index('culture_values_team_position_idx').on(t.teamId, t.position)
	]
);

/** The lenses under which a value is part of the team's culture. */
export const valueLenses = sqliteTable(
	'value_lenses',
	{
		valueId: text('value_id')
			.notNull()
			.references(() => cultureValues.id, { onDelete: 'cascade' }),
		lens: text('lens', { enum: LENSES }).notNull()
	},
	(t) => [primaryKey({ columns: [t.valueId, t.lens] })]
);

/**
 * Behaviours (looks/sounds/feels like), boundaries, rituals, heroes and signals, each under
 * one lens. Behaviours and boundaries belong to a value; rituals, heroes and signals may stand
 * alone (`value_id` null). Rituals, heroes and signals carry a short `name` and a `text`.
 */
export const cultureElements = sqliteTable(
	'culture_elements',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		valueId: text('value_id').references((): AnySQLiteColumn => cultureValues.id, {
			onDelete: 'cascade'
		}),
		lens: text('lens', { enum: LENSES }).notNull(),
		kind: text('kind', { enum: ELEMENT_KINDS }).notNull(),
		name: text('name'),
		text: text('text').notNull().default(''),
		position: integer('position').notNull(),
		limiting: integer('limiting', { mode: 'boolean' }).notNull().default(false),
		...provenance()
	},
	(t) => [
		index('culture_elements_team_lens_idx').on(t.teamId, t.lens),
		index('culture_elements_value_idx').on(t.valueId)
	]
);

// ------------------------------------------------------------ workshops

export const workshops = sqliteTable(
	'workshops',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		joinCode: text('join_code').notNull().unique(),
		status: text('status', { enum: WORKSHOP_STATUSES }).notNull().default('draft'),
		/** The facilitator's pace (see domain/workshop.ts): index into the agenda, -1 = joining. */
		currentIndex: integer('current_index').notNull().default(-1),
		inputOpen: integer('input_open', { mode: 'boolean' }).notNull().default(false),
		revealed: integer('revealed', { mode: 'boolean' }).notNull().default(false),
		/** The projector shows the workshop's gap charts so far instead of the activity. */
		overview: integer('overview', { mode: 'boolean' }).notNull().default(false),
		timerEndsAt: integer('timer_ends_at'),
		timerRemainingMs: integer('timer_remaining_ms'),
		showNicknames: integer('show_nicknames', { mode: 'boolean' }).notNull().default(false),
		/** Joins beyond this many wait for the facilitator's approval; null = no limit. */
		expectedHeadCount: integer('expected_head_count'),
		/** Only holders of an unused one-time code (access_codes) may join. */
		verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
		/** New outsider-voice posts wait for the facilitator's approval before the room sees them. */
		holdPosts: integer('hold_posts', { mode: 'boolean' }).notNull().default(false),
		/** The language of its titles and prompts, and of the participants' pages by default. */
		language: text('language', { enum: CONTENT_LANGUAGES }).notNull().default('en'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('workshops_team_idx').on(t.teamId)]
);

export const activities = sqliteTable(
	'activities',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
		title: text('title').notNull(),
		prompt: text('prompt').notNull().default(''),
		config: text('config', { mode: 'json' }).$type<ActivityConfig>().notNull(),
		createdAt: createdAt()
	},
	(t) => [index('activities_workshop_idx').on(t.workshopId, t.position)]
);

/**
 * Someone who joined with the code. Only the SHA-256 of the device's token is kept; the
 * nickname is optional and shown only if the facilitator allows it.
 */
export const participants = sqliteTable(
	'participants',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		nickname: text('nickname'),
		joinedAt: createdAt()
	},
	(t) => [index('participants_workshop_idx').on(t.workshopId)]
);

/**
 * A device that asked to join above the expected head count and waits for the facilitator.
 * Not a participant: it can neither answer nor see results, and counts toward nothing. When
 * admitted it becomes a participant with a new id (the same token hash); refused, it stays
 * here as refused, so its phone can say so.
 */
export const joinRequests = sqliteTable(
	'join_requests',
	{
		id: text('id').primaryKey(),
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		nickname: text('nickname'),
		refused: integer('refused', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('join_requests_workshop_idx').on(t.workshopId)]
);

export const ACCESS_CODE_STATES = ['unused', 'used', 'void'] as const;

/**
 * A printed one-time code of a verified room: its SHA-256 and its state, nothing else. No
 * participant id and no time of use, so nobody can tell which person spent which code.
 */
export const accessCodes = sqliteTable(
	'access_codes',
	{
		codeHash: text('code_hash').primaryKey(),
		/** A code belongs to a workshop or to a pulse: exactly one of these two is set. */
		workshopId: text('workshop_id').references(() => workshops.id, { onDelete: 'cascade' }),
		pulseId: text('pulse_id').references((): AnySQLiteColumn => pulses.id, {
			onDelete: 'cascade'
		}),
		state: text('state', { enum: ACCESS_CODE_STATES }).notNull().default('unused')
	},
	(t) => [
		index('access_codes_workshop_idx').on(t.workshopId, t.state),
		index('access_codes_pulse_idx').on(t.pulseId, t.state),
		check('access_codes_one_scope', sql`(${t.workshopId} is null) <> (${t.pulseId} is null)`)
	]
);

/** A card from a collect activity (or a post on the outsider-voice board). */
export const cards = sqliteTable(
	'cards',
	{
		id: text('id').primaryKey(),
		activityId: text('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		participantId: text('participant_id').references(() => participants.id, {
			onDelete: 'cascade'
		}),
		text: text('text').notNull(),
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
		mergedInto: text('merged_into').references((): AnySQLiteColumn => cards.id, {
			onDelete: 'set null'
		}),
		/** The value the facilitator grouped this card under. */
		valueId: text('value_id').references(() => cultureValues.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		/**
		 * Waits for the facilitator (the workshop holds posts). A held card is also hidden, so
		 * everything that leaves hidden cards out leaves it out; approving shows it, rejecting
		 * leaves it hidden for good.
		 */
		held: integer('held', { mode: 'boolean' }).notNull().default(false),
		/** The one post the facilitator put large on the projector. */
		starred: integer('starred', { mode: 'boolean' }).notNull().default(false),
		/** The facilitator answered it in the room; the room sees the mark. */
		answered: integer('answered', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('cards_activity_idx').on(t.activityId)]
);

/**
 * One answer of one participant to one item of a voting activity: a rating, a number of dots
 * or points. The primary key makes a re-vote replace the old answer and a retried request
 * harmless. A value with votes cannot be deleted (the foreign key says no), only archived;
 * deleting a whole team still cascades, as the check runs at the end of the statement.
 */
export const votes = sqliteTable(
	'votes',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		valueId: text('value_id').references(() => cultureValues.id),
		cardId: text('card_id').references(() => cards.id, { onDelete: 'cascade' }),
		lens: text('lens', { enum: LENSES }),
		score: integer('score').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.activityId, t.participantId, t.itemId] }),
		index('votes_activity_item_idx').on(t.activityId, t.itemId),
		index('votes_value_idx').on(t.valueId)
	]
);

/**
 * How many answers each score has per item: kept by triggers on `votes` (migration
 * 0003_vote_counts.sql) in the same transaction as every insert, re-vote and delete, so results
 * read a few hundred rows instead of grouping every answer. Rows may hold `n = 0`.
 */
export const voteCounts = sqliteTable(
	'vote_counts',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		valueId: text('value_id'),
		lens: text('lens', { enum: LENSES }),
		score: integer('score').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.itemId, t.score] })]
);

/**
 * How many answers each participant has given per voting activity: kept by triggers on `votes`
 * (migration 0004) like `vote_counts`, so the number of people behind the results is a count of
 * these rows instead of a probe per participant. Rows may hold `n = 0`.
 */
export const voteRespondents = sqliteTable(
	'vote_respondents',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		participantId: text('participant_id').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.participantId] })]
);

/**
 * Who changed an item since its last release, with the score they had at that release (null:
 * no answer). Kept by triggers on `votes` (migration 0006) for every write path; emptied for an
 * item by its release (docs/security.md, "Differencing").
 */
export const votePending = sqliteTable(
	'vote_pending',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		participantId: text('participant_id').notNull(),
		baseline: integer('baseline')
	},
	(t) => [primaryKey({ columns: [t.activityId, t.itemId, t.participantId] })]
);

/** The last release of each item of a voting activity: how many people stand behind it. */
export const voteReleases = sqliteTable(
	'vote_releases',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		respondents: integer('respondents').notNull(),
		releasedAt: integer('released_at').notNull(),
		/** Ties together the items of one release statement. */
		mark: text('mark').notNull()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.itemId] })]
);

/** `vote_counts` as of each item's last release: the only answer counts anyone reads. */
export const releasedCounts = sqliteTable(
	'released_counts',
	{
		activityId: text('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		valueId: text('value_id'),
		lens: text('lens', { enum: LENSES }),
		score: integer('score').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.itemId, t.score] })]
);

/** Upvotes on outsider-voice cards: one per participant per card. */
export const upvotes = sqliteTable(
	'upvotes',
	{
		cardId: text('card_id')
			.notNull()
			.references(() => cards.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.cardId, t.participantId] })]
);

/** A leader's promise to live a strategic value, from a workshop or typed in later. */
export const commitments = sqliteTable(
	'commitments',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		valueId: text('value_id')
			.notNull()
			.references(() => cultureValues.id),
		leaderId: text('leader_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		action: text('action').notNull(),
		signal: text('signal').notNull(),
		/** The current due date, `YYYY-MM-DD` (an extension moves it). */
		dueOn: text('due_on').notNull(),
		/** The due date it was made with, once an extension moved it; follow-through measures this. */
		originalDueOn: text('original_due_on'),
		status: text('status', { enum: ['open', 'done', 'dropped'] })
			.notNull()
			.default('open'),
		doneAt: integer('done_at', { mode: 'timestamp_ms' }),
		droppedAt: integer('dropped_at', { mode: 'timestamp_ms' }),
		dropReason: text('drop_reason'),
		workshopId: text('workshop_id').references(() => workshops.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('commitments_team_idx').on(t.teamId),
		index('commitments_leader_idx').on(t.leaderId)
	]
);

/** Evidence of living a commitment: what the leader did, and when. */
export const commitmentCheckins = sqliteTable(
	'commitment_checkins',
	{
		id: text('id').primaryKey(),
		commitmentId: text('commitment_id')
			.notNull()
			.references(() => commitments.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		did: text('did').notNull(),
		/** ISO date, `YYYY-MM-DD`: when it happened. */
		happenedOn: text('happened_on').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('commitment_checkins_commitment_idx').on(t.commitmentId)]
);

/** A commitment's due date moved later, with why: the history its page shows. */
export const commitmentExtensions = sqliteTable(
	'commitment_extensions',
	{
		id: text('id').primaryKey(),
		commitmentId: text('commitment_id')
			.notNull()
			.references(() => commitments.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** ISO dates, `YYYY-MM-DD`: the due date before and after. */
		fromDueOn: text('from_due_on').notNull(),
		toDueOn: text('to_due_on').notNull(),
		reason: text('reason').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('commitment_extensions_commitment_idx').on(t.commitmentId)]
);

// ------------------------------------------------------------ pulse checks

/** A short anonymous survey of a team, open between two dates, answered with a link or QR. */
export const pulses = sqliteTable(
	'pulses',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		code: text('code').notNull().unique(),
		/** ISO dates, `YYYY-MM-DD`, both days included. */
		opensOn: text('opens_on').notNull(),
		closesOn: text('closes_on').notNull(),
		cadenceWeeks: integer('cadence_weeks').notNull(),
		openQuestion: text('open_question').notNull(),
		/** First answers only with a printed one-time code (`access_codes.pulse_id`). */
		verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
		/** The language of its open question, and of the respondents' page by default. */
		language: text('language', { enum: CONTENT_LANGUAGES }).notNull().default('en'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('pulses_team_opens_idx').on(t.teamId, t.opensOn)]
);

/** One statement or question of a pulse, its text fixed when the pulse was made. */
export const pulseItems = sqliteTable(
	'pulse_items',
	{
		id: text('id').primaryKey(),
		pulseId: text('pulse_id')
			.notNull()
			.references(() => pulses.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: PULSE_ITEM_KINDS }).notNull(),
		valueId: text('value_id').references(() => cultureValues.id, { onDelete: 'set null' }),
		/** For a leader statement: whom it asks about (null should their account be deleted). */
		leaderId: text('leader_id').references(() => users.id, { onDelete: 'set null' }),
		statement: text('statement').notNull()
	},
	(t) => [index('pulse_items_pulse_idx').on(t.pulseId, t.position)]
);

/** One device's answer to a pulse; only the SHA-256 of its cookie token is kept. */
export const pulseResponses = sqliteTable(
	'pulse_responses',
	{
		id: text('id').primaryKey(),
		pulseId: text('pulse_id')
			.notNull()
			.references(() => pulses.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('pulse_responses_pulse_token_key').on(t.pulseId, t.tokenHash)]
);

export const pulseAnswers = sqliteTable(
	'pulse_answers',
	{
		responseId: text('response_id')
			.notNull()
			.references(() => pulseResponses.id, { onDelete: 'cascade' }),
		itemId: text('item_id')
			.notNull()
			.references(() => pulseItems.id, { onDelete: 'cascade' }),
		score: integer('score').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.itemId] }),
		index('pulse_answers_item_score_idx').on(t.itemId, t.score)
	]
);

/**
 * Each pulse's sums as of its latest release (docs/security.md, differencing): recomputed with
 * one GROUP BY over its answers when a release is made (in the transaction of the answer that
 * completes it), so that dashboards over many pulses read one row per pulse instead of every
 * answer. Never single answers: counts only. Release 0 is the empty one a pulse starts with.
 */
export const pulseTotals = sqliteTable('pulse_totals', {
	pulseId: text('pulse_id')
		.primaryKey()
		.references(() => pulses.id, { onDelete: 'cascade' }),
	respondents: integer('respondents').notNull(),
	valueAnswers: integer('value_answers').notNull(),
	valueFavourable: integer('value_favourable').notNull(),
	enpsAnswers: integer('enps_answers').notNull(),
	promoters: integer('promoters').notNull(),
	detractors: integer('detractors').notNull(),
	release: integer('release').notNull().default(0),
	releasedAt: integer('released_at', { mode: 'timestamp_ms' })
});

/** The latest release's answers per item and score: what staff read of a pulse. */
export const pulseReleaseCounts = sqliteTable(
	'pulse_release_counts',
	{
		pulseId: text('pulse_id')
			.notNull()
			.references(() => pulses.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		score: integer('score').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.pulseId, t.itemId, t.score] })]
);

/**
 * Each response's answers as they were at the latest release (item '' and score -1 for one
 * without answers): the responses added, changed or removed since are counted from these and
 * the answers themselves, so no write path can forget to count. No key to the response, so
 * that a removed one still counts. Never shown or exported.
 */
export const pulseReleasedAnswers = sqliteTable(
	'pulse_released_answers',
	{
		pulseId: text('pulse_id')
			.notNull()
			.references(() => pulses.id, { onDelete: 'cascade' }),
		responseId: text('response_id').notNull(),
		itemId: text('item_id').notNull(),
		score: integer('score').notNull()
	},
	(t) => [primaryKey({ columns: [t.pulseId, t.responseId, t.itemId] })]
);

/**
 * A facilitator's decision on one proposal of a workshop's review (what the room wrote, turned
 * into the culture map by hand, issue 11): stored once per proposal, so accepting again writes
 * nothing twice. Accepted ones point at what they created or merged into.
 */
export const mapReviewDecisions = sqliteTable(
	'map_review_decisions',
	{
		workshopId: text('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		proposalKey: text('proposal_key').notNull(),
		decision: text('decision', { enum: ['accepted', 'rejected'] }).notNull(),
		destination: text('destination', { enum: DESTINATIONS }).notNull(),
		cards: integer('cards').notNull(),
		valueId: text('value_id').references(() => cultureValues.id, { onDelete: 'set null' }),
		elementId: text('element_id').references(() => cultureElements.id, { onDelete: 'set null' }),
		decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.workshopId, t.proposalKey] })]
);

// ------------------------------------------------------------ outsider-voice board

/** A standing board per team: complaints and ideas, anonymous, answered by facilitators. */
export const boardPosts = sqliteTable(
	'board_posts',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		/** Hash of the posting device's token, so it can change its own pulse answer; never shown. */
		authorHash: text('author_hash'),
		/** A post that came from a pulse's open question. */
		pulseId: text('pulse_id').references(() => pulses.id, { onDelete: 'set null' }),
		status: text('status', { enum: BOARD_STATUSES }).notNull().default('new'),
		answer: text('answer'),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt(),
		/** A post written in a workshop's outsider-voice activity, landed when it ended. */
		workshopId: text('workshop_id').references(() => workshops.id, { onDelete: 'set null' }),
		/**
		 * The card it was landed from: at most one post per card (landing is idempotent); it goes
		 * with the card (withdrawn, workshop deleted), and its support in the room is the card's.
		 */
		cardId: text('card_id').references(() => cards.id, { onDelete: 'cascade' }),
		/**
		 * SHA-256 of the receipt (128 random bits) only the posting device keeps, so that device
		 * can read the answer to its own post; linked to no participant, person or device token.
		 */
		receiptHash: text('receipt_hash')
	},
	(t) => [
		index('board_posts_team_idx').on(t.teamId, t.createdAt),
		index('board_posts_pulse_author_idx').on(t.pulseId, t.authorHash),
		uniqueIndex('board_posts_card_key').on(t.cardId),
		uniqueIndex('board_posts_receipt_key').on(t.receiptHash)
	]
);

export const boardUpvotes = sqliteTable(
	'board_upvotes',
	{
		postId: text('post_id')
			.notNull()
			.references(() => boardPosts.id, { onDelete: 'cascade' }),
		voterHash: text('voter_hash').notNull()
	},
	(t) => [primaryKey({ columns: [t.postId, t.voterHash] })]
);

// ------------------------------------------------------------ alignment matrix

/** Where a team's culture meets people: website, recruiting, onboarding, ... (editable). */
export const touchpoints = sqliteTable(
	'touchpoints',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		nameKey: text('name_key').notNull(),
		position: integer('position').notNull(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('touchpoints_team_name_key').on(t.teamId, t.nameKey)]
);

/** Every judgement of a cell is kept; the latest one is the cell's state. */
export const alignmentJudgements = sqliteTable(
	'alignment_judgements',
	{
		id: text('id').primaryKey(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		touchpointId: text('touchpoint_id')
			.notNull()
			.references(() => touchpoints.id, { onDelete: 'cascade' }),
		valueId: text('value_id')
			.notNull()
			.references(() => cultureValues.id, { onDelete: 'cascade' }),
		rating: text('rating', { enum: ['aligned', 'partly', 'conflicting'] }).notNull(),
		note: text('note').notNull().default(''),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('alignment_judgements_cell_idx').on(t.touchpointId, t.valueId, t.createdAt)]
);

// --------------------------------------------------------------- reminders

/**
 * Reminders by e-mail, one row per reminder owed (drizzle/0014_reminders.sql). The row is
 * inserted before the mail is sent and its unique key is the claim: a reminder is sent at most
 * once, whichever server process finds it first. No address, text, answer or result is kept.
 */
export const reminders = sqliteTable(
	'reminders',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
		/** The commitment or pulse it is about. */
		subjectId: text('subject_id').notNull(),
		recipientId: text('recipient_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The day it is about (`YYYY-MM-DD`): a commitment's due date, the day a pulse opens. */
		occasion: text('occasion').notNull(),
		teamId: text('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		state: text('state', { enum: REMINDER_STATES }).notNull().default('sending'),
		attempts: integer('attempts').notNull().default(1),
		/** When a failed send may be tried again (null: never again). */
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
		lastError: text('last_error'),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('reminders_key').on(t.kind, t.subjectId, t.recipientId, t.occasion),
		index('reminders_retry_idx').on(t.state, t.nextAttemptAt),
		index('reminders_team_idx').on(t.teamId)
	]
);

// ------------------------------------------------------------ chart events

/**
 * A dated note an owner adds ("new director", "reorganisation"), marked on the time axes of the
 * dashboards' charts (drizzle/0017_team_size_events.sql): of one team, or of the whole
 * organisation when `team_id` is null.
 */
export const chartEvents = sqliteTable(
	'chart_events',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		teamId: text('team_id').references(() => teams.id, { onDelete: 'cascade' }),
		/** `YYYY-MM-DD`. */
		onDate: text('on_date').notNull(),
		label: text('label').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('chart_events_org_date_idx').on(t.orgId, t.onDate),
		index('chart_events_team_idx').on(t.teamId)
	]
);

// ------------------------------------------------------------- share links

/**
 * Read-only links to an organisation's dashboard (drizzle/0018_share_links.sql): only the
 * SHA-256 of the token is kept, as for sessions; `sections` lists what the link shows.
 */
export const shareLinks = sqliteTable(
	'share_links',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		label: text('label').notNull(),
		/** Comma-separated SHARE_SECTIONS (src/lib/domain/share.ts). */
		sections: text('sections').notNull(),
		includeLeaderScores: integer('include_leader_scores', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** The last day the link opens (`YYYY-MM-DD`), or null for no end. */
		expiresOn: text('expires_on'),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('share_links_org_idx').on(t.orgId)]
);
