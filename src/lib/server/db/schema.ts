import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { ELEMENT_KINDS, LENSES, ROLES } from '../../domain/culture';

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
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('teams_org_name_key').on(t.orgId, t.nameKey)]
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
