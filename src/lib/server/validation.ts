import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { LIMITS, tidy, tidyText } from '../domain/culture';
import { CONTENT_LANGUAGES } from '../domain/templates';
import type { FieldError, FieldErrorCode, FieldErrors } from '../forms';

/** A one-line name: whitespace collapsed, 1–80 characters. */
export const nameField = z
	.string()
	.transform(tidy)
	.pipe(z.string().min(LIMITS.name.min).max(LIMITS.name.max));

/** Free text up to 1,000 characters; line breaks kept, empty allowed. */
export const textField = z.string().transform(tidyText).pipe(z.string().max(LIMITS.text.max));

export const emailField = z
	.string()
	.transform((s) => s.trim().toLowerCase())
	.pipe(z.email().max(LIMITS.email.max));

export const passwordField = z.string().min(LIMITS.password.min).max(LIMITS.password.max);

/** A language content is written in (a team's, a workshop's, a pulse's): one of the locales. */
export const languageField = z.enum(CONTENT_LANGUAGES);

/** An HTML checkbox: present means on. */
export const checkboxField = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true');

/** A query parameter that must be one of `options`; anything else (or none) is undefined. */
export function queryChoice<T extends string>(
	options: readonly T[],
	value: string | null
): T | undefined {
	return (options as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
	switch (issue.code) {
		case 'too_small':
			if (issue.origin === 'string') {
				return Number(issue.minimum) <= 1
					? { code: 'required' }
					: { code: 'too_short', limit: Number(issue.minimum) };
			}
			return { code: 'too_small', limit: Number(issue.minimum) };
		case 'too_big':
			return issue.origin === 'string'
				? { code: 'too_long', limit: Number(issue.maximum) }
				: { code: 'too_big', limit: Number(issue.maximum) };
		case 'invalid_format':
			return issue.format === 'email' ? { code: 'email' } : { code: 'invalid' };
		case 'invalid_type':
			return issue.input === undefined ? { code: 'required' } : { code: 'invalid' };
		case 'custom':
			// Refinements name their error code as the message, e.g. `{ message: 'mismatch' }`.
			return { code: issue.message as FieldErrorCode };
		default:
			return { code: 'invalid' };
	}
}

/** The form's fields as strings (the last value wins for repeated names; files are ignored). */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') values[key] = value;
	return values;
}

export type Parsed<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.output<S>> {
	const values = formValues(form);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= toFieldError(issue);
	}
	return { ok: false, errors, values };
}

/**
 * `fail(400)` with the field errors and what the person typed (never passwords), so the
 * form comes back filled in with each message next to its field.
 */
export interface FormFailure {
	errors: FieldErrors;
	values: Record<string, string>;
}

export function invalid(
	errors: FieldErrors,
	values: Record<string, string>,
	status = 400
): ActionFailure<FormFailure> {
	const { password: _p, confirm: _c, ...safe } = values;
	return fail(status, { errors, values: safe });
}

/** `fail()` with an error about the form as a whole, shown above its fields. */
export function formProblem(
	status: number,
	error: FieldError,
	values: Record<string, string> = {}
): ActionFailure<FormFailure> {
	return invalid({ form: error }, values, status);
}
