/**
 * The workshop forms and the rules every activity config must pass, with the limits of
 * domain/workshop.ts. One set of field rules serves both the agenda editor's forms (strings,
 * checkboxes) and configs that come from elsewhere (templates, stored rows).
 */
import { z } from 'zod';
import type { PerKind } from '../../domain/activity-kinds';
import { LENSES, tidy, tidyText, type Lens } from '../../domain/culture';
import { maxValues, TEMPLATES } from '../../domain/templates';
import {
	ACTIVITY_KINDS,
	COLLECT_TARGETS,
	LIMITS,
	SCALES,
	type ActivityConfig,
	type ActivityKind
} from '../../domain/workshop';
import { languageField, nameField, parseForm, type Parsed } from '../validation';

const id = z.string().min(1).max(64);

/** A workshop's or an activity's title: one line, 1–120 characters. */
export const titleField = z
	.string()
	.transform(tidy)
	.pipe(z.string().min(LIMITS.title.min).max(LIMITS.title.max));

/** What the screen asks; line breaks kept, empty allowed. */
export const promptField = z
	.string()
	.default('')
	.transform(tidyText)
	.pipe(z.string().max(LIMITS.prompt.max));

export const NewWorkshopForm = z.object({
	title: titleField,
	template: z.enum(['blank', ...TEMPLATES.map((t) => t.id)]),
	/** The language its content is written in; the team's when not sent. */
	language: languageField.optional()
});

/** A draft workshop's language, changed. */
export const LanguageForm = z.object({ language: languageField });

export const RenameForm = z.object({ title: titleField });

export const NewActivityForm = z.object({ kind: z.enum(ACTIVITY_KINDS) });

export const ActivityIdForm = z.object({ id });

export const MoveForm = z.object({ id, direction: z.enum(['up', 'down']) });

// ------------------------------------------------------------------ configs

const lens = z.enum(LENSES);
const lenses = z
	.array(lens)
	.transform((list) => LENSES.filter((l) => list.includes(l)))
	.pipe(z.array(lens).min(1));
const scale = z.enum(Object.keys(SCALES) as [keyof typeof SCALES, ...(keyof typeof SCALES)[]]);
const dots = z.number().int().min(LIMITS.dots.min).max(LIMITS.dots.max);

/** Value ids, each once, each a value of the team. */
function valueIds(team: ReadonlySet<string>) {
	return z
		.array(z.string())
		.transform((list) => [...new Set(list)])
		.pipe(
			z
				.array(z.string())
				.min(1)
				.refine((list) => list.every((v) => team.has(v)), { message: 'invalid' })
		);
}

/** The config fields of each kind, without the kind itself (a kind left out does not compile). */
const CONFIG_SHAPES = {
	collect: () => ({ lens, target: z.enum(COLLECT_TARGETS) }),
	rate: (team) => ({ lenses, scale, valueIds: valueIds(team) }),
	dot_vote: (team) => ({ lens, dots, valueIds: valueIds(team) }),
	allocate: (team) => ({ lens, valueIds: valueIds(team) }),
	outsider: () => ({}),
	commit: (team) => ({ valueIds: valueIds(team) }),
	discuss: () => ({})
} satisfies PerKind<(team: ReadonlySet<string>) => z.ZodRawShape>;

function configShape(kind: ActivityKind, team: ReadonlySet<string>): z.ZodRawShape {
	return CONFIG_SHAPES[kind](team);
}

/** A participant answers at most LIMITS.items questions an activity (values × lenses). */
function itemLimit(kind: ActivityKind) {
	return (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
		const valueIds = data.valueIds as readonly string[] | undefined;
		const max = maxValues({ kind, lenses: data.lenses as Lens[] | undefined });
		if (valueIds && valueIds.length > max) {
			ctx.addIssue({
				code: 'too_big',
				origin: 'array',
				maximum: max,
				inclusive: true,
				path: ['valueIds'],
				input: valueIds
			});
		}
	};
}

function toConfig(kind: ActivityKind, data: Record<string, unknown>): ActivityConfig {
	const fields = Object.keys(configShape(kind, new Set()));
	return { kind, ...Object.fromEntries(fields.map((f) => [f, data[f]])) } as ActivityConfig;
}

/**
 * Checks a config from anywhere but a form (a template, a stored row) against the same rules:
 * the config as it should be stored, or the problems found, by field.
 */
export function checkActivityConfig(
	input: unknown,
	team: ReadonlySet<string>
): { ok: true; config: ActivityConfig } | { ok: false; problems: z.core.$ZodIssue[] } {
	const kind = (input as { kind?: unknown } | null)?.kind;
	if (!ACTIVITY_KINDS.includes(kind as ActivityKind)) {
		return { ok: false, problems: [{ code: 'custom', path: ['kind'], message: 'invalid', input }] };
	}
	const schema = z
		.object({ kind: z.literal(kind as ActivityKind), ...configShape(kind as ActivityKind, team) })
		.strict()
		.superRefine(itemLimit(kind as ActivityKind));
	const result = schema.safeParse(input);
	return result.success
		? { ok: true, config: toConfig(kind as ActivityKind, result.data) }
		: { ok: false, problems: result.error.issues };
}

/** Fields that arrive as several checkboxes of one name. */
export const LIST_FIELDS = ['lenses', 'valueIds'] as const;

const split = (value: unknown) =>
	typeof value === 'string' ? value.split(',').filter((v) => v !== '') : value;

/**
 * A number field as typed: empty is missing; words that are no number are reported as
 * `invalid` (zod alone would call them missing).
 */
function numberOf(value: unknown, ctx: z.RefinementCtx, path: string[] = []) {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	const n = Number(value);
	if (Number.isNaN(n)) ctx.addIssue({ code: 'custom', message: 'invalid', path, input: value });
	return Number.isNaN(n) ? undefined : n;
}

/**
 * The agenda editor's form for an activity of `kind`: title, prompt and that kind's config.
 * Checkbox lists arrive joined by commas (see `listsJoined`), so what was ticked comes back.
 */
export function activityFormSchema(kind: ActivityKind, team: ReadonlySet<string>) {
	return z
		.preprocess(
			(input, ctx) => {
				const values = { ...(input as Record<string, unknown>) };
				for (const f of LIST_FIELDS) values[f] = split(values[f] ?? '');
				if ('dots' in values) values.dots = numberOf(values.dots, ctx, ['dots']);
				return values;
			},
			z
				.object({
					id: id.optional(),
					title: titleField,
					prompt: promptField,
					...configShape(kind, team)
				})
				.superRefine(itemLimit(kind))
		)
		.transform((data) => ({
			title: data.title,
			prompt: data.prompt,
			config: toConfig(kind, data)
		}));
}

/** The form with each checkbox list joined into one field, as `parseForm` reads one value a name. */
export function listsJoined(form: FormData, lists: readonly string[] = LIST_FIELDS): FormData {
	const joined = new FormData();
	for (const [name, value] of form) {
		if (typeof value !== 'string' || lists.includes(name)) continue;
		joined.set(name, value);
	}
	for (const name of lists) joined.set(name, form.getAll(name).map(String).join(','));
	return joined;
}

export type ActivityInput = { title: string; prompt: string; config: ActivityConfig };

export function parseActivityForm(
	kind: ActivityKind,
	team: ReadonlySet<string>,
	form: FormData
): Parsed<ActivityInput> {
	return parseForm(activityFormSchema(kind, team), listsJoined(form));
}

// ------------------------------------------------------------------ console

/** A timer of any length from 10 seconds to 4 hours: hours, minutes and seconds as typed. */
const timePart = (max: number) =>
	z.preprocess((v, ctx) => numberOf(v, ctx), z.number().int().min(0).max(max).optional());

export const TimerForm = z
	.object({
		preset: z.preprocess((v, ctx) => numberOf(v, ctx), z.number().int().optional()),
		hours: timePart(4),
		minutes: timePart(59 + 240),
		seconds: timePart(59 + 14_400)
	})
	.transform((t) => t.preset ?? (t.hours ?? 0) * 3600 + (t.minutes ?? 0) * 60 + (t.seconds ?? 0))
	.pipe(
		z
			.number()
			.int()
			.min(LIMITS.timerSeconds.min, { message: 'timer_range' })
			.max(LIMITS.timerSeconds.max, { message: 'timer_range' })
	);

export const GotoForm = z.object({
	index: z.preprocess((v, ctx) => numberOf(v, ctx), z.number().int().min(0))
});

export const CardForm = z.object({ activityId: id, cardId: id });

export const MergeForm = z.object({
	activityId: id,
	cardIds: z
		.string()
		.transform((s) => [...new Set(s.split(',').filter(Boolean))])
		.pipe(z.array(id).min(2).max(100))
});

const cardIdList = z
	.string()
	.transform((s) => [...new Set(s.split(',').filter(Boolean))])
	.pipe(z.array(id).min(2).max(1000));

/** Accepting a suggested group: its cards and the name it gets (one line, 1–80 characters). */
export const AcceptGroupForm = z.object({ activityId: id, cardIds: cardIdList, name: nameField });

export const DismissGroupForm = z.object({ activityId: id, cardIds: cardIdList });

export const RenameGroupForm = z.object({ activityId: id, groupId: id, name: nameField });

export const GroupForm = z.object({
	activityId: id,
	cardId: id,
	valueId: z
		.string()
		.max(64)
		.transform((v) => (v === '' ? null : v))
});

export const NicknamesForm = z.object({ show: z.enum(['on', 'off']) });
