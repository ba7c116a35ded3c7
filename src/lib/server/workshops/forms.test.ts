import { describe, expect, it } from 'vitest';
import {
	agendaFromTemplate,
	defaultConfig,
	TEMPLATE_LOCALES,
	TEMPLATES
} from '../../domain/templates';
import { ACTIVITY_KINDS, LIMITS, votingItems } from '../../domain/workshop';
import { parseForm } from '../validation';
import { checkActivityConfig, parseActivityForm, TimerForm } from './forms';

const values = [
	{ id: 'v1', lenses: ['current' as const] },
	{ id: 'v2', lenses: ['strategic' as const] }
];
const team = new Set(['v1', 'v2', 'v3']);

function form(fields: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
}

describe('template agendas', () => {
	it('pass the editor’s own rules in every language', () => {
		for (const template of TEMPLATES) {
			for (const locale of TEMPLATE_LOCALES) {
				for (const activity of agendaFromTemplate(template, locale, values)) {
					const checked = checkActivityConfig(activity.config, team);
					expect(checked, `${template.id}/${locale}: ${activity.title}`).toEqual({
						ok: true,
						config: activity.config
					});
				}
			}
		}
	});

	it('start valid for every kind', () => {
		for (const kind of ACTIVITY_KINDS) {
			expect(checkActivityConfig(defaultConfig(kind, values), team).ok, kind).toBe(true);
		}
	});
});

describe('checkActivityConfig', () => {
	it('refuses unknown kinds, stray fields and values of another team', () => {
		expect(checkActivityConfig({ kind: 'quiz' }, team).ok).toBe(false);
		expect(checkActivityConfig({ kind: 'discuss', extra: 1 }, team).ok).toBe(false);
		expect(checkActivityConfig({ kind: 'commit', valueIds: ['elsewhere'] }, team).ok).toBe(false);
		expect(checkActivityConfig({ kind: 'commit', valueIds: [] }, team).ok).toBe(false);
	});

	it('keeps dots within 1–20 and collect targets to the known kinds', () => {
		const dots = (n: number) =>
			checkActivityConfig({ kind: 'dot_vote', lens: 'current', dots: n, valueIds: ['v1'] }, team)
				.ok;
		expect([dots(0), dots(1), dots(20), dots(21), dots(2.5)]).toEqual([
			false,
			true,
			true,
			false,
			false
		]);
		expect(checkActivityConfig({ kind: 'collect', lens: 'current', target: 'hero' }, team).ok).toBe(
			true
		);
		expect(
			checkActivityConfig({ kind: 'collect', lens: 'current', target: 'villain' }, team).ok
		).toBe(false);
		expect(checkActivityConfig({ kind: 'collect', lens: 'future', target: 'hero' }, team).ok).toBe(
			false
		);
	});
});

describe('parseActivityForm', () => {
	it('reads a rating: ticked lenses in lens order, values once each', () => {
		const parsed = parseActivityForm(
			'rate',
			team,
			form([
				['title', '  How   we  are '],
				['prompt', 'Line one\r\nLine two'],
				['lenses', 'strategic'],
				['lenses', 'current'],
				['scale', '0-10'],
				['valueIds', 'v2'],
				['valueIds', 'v1'],
				['valueIds', 'v2']
			])
		);
		expect(parsed).toMatchObject({
			ok: true,
			data: {
				title: 'How we are',
				prompt: 'Line one\nLine two',
				config: {
					kind: 'rate',
					lenses: ['current', 'strategic'],
					scale: '0-10',
					valueIds: ['v2', 'v1']
				}
			},
			// What was ticked comes back, so the form can show it again.
			values: { lenses: 'strategic,current', valueIds: 'v2,v1,v2' }
		});
	});

	it('puts each problem next to its field', () => {
		const parsed = parseActivityForm(
			'dot_vote',
			team,
			form([
				['title', ''],
				['prompt', 'x'.repeat(LIMITS.prompt.max + 1)],
				['lens', 'sideways'],
				['dots', '25'],
				['valueIds', 'v1'],
				['valueIds', 'not-ours']
			])
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual({
			title: { code: 'required' },
			prompt: { code: 'too_long', limit: LIMITS.prompt.max },
			lens: { code: 'invalid' },
			dots: { code: 'too_big', limit: LIMITS.dots.max },
			valueIds: { code: 'invalid' }
		});
	});

	it('asks for at least one lens and one value, and a number of dots', () => {
		const parsed = parseActivityForm(
			'rate',
			team,
			form([
				['title', 'T'],
				['scale', '1-5']
			])
		);
		expect(parsed.ok ? null : parsed.errors).toEqual({
			lenses: { code: 'too_small', limit: 1 },
			valueIds: { code: 'too_small', limit: 1 }
		});
		const dots = parseActivityForm(
			'dot_vote',
			team,
			form([
				['title', 'T'],
				['lens', 'current'],
				['dots', ' '],
				['valueIds', 'v1']
			])
		);
		expect(dots.ok ? null : dots.errors).toEqual({ dots: { code: 'required' } });
		const typed = parseActivityForm(
			'dot_vote',
			team,
			form([
				['title', 'T'],
				['lens', 'current'],
				['dots', 'three'],
				['valueIds', 'v1']
			])
		);
		expect(typed.ok ? null : typed.errors).toEqual({ dots: { code: 'invalid' } });
	});

	it('caps a rating at the item limit: values × lenses', () => {
		const many = Array.from({ length: 40 }, (_, i) => `m${i}`);
		const big = new Set(many);
		const fields: [string, string][] = [
			['title', 'T'],
			['scale', '1-5'],
			['lenses', 'current'],
			['lenses', 'strategic'],
			...many.map((v): [string, string] => ['valueIds', v])
		];
		const parsed = parseActivityForm('rate', big, form(fields));
		expect(parsed.ok ? null : parsed.errors).toEqual({
			valueIds: { code: 'too_big', limit: LIMITS.items.max / 2 }
		});
		const one = parseActivityForm('rate', big, form(fields.filter(([, v]) => v !== 'strategic')));
		expect(one.ok).toBe(true);
		if (one.ok) expect(votingItems(one.data.config)).toHaveLength(40);
	});

	it('takes nothing but title and prompt for a discussion', () => {
		const parsed = parseActivityForm(
			'discuss',
			team,
			form([
				['title', 'Talk'],
				['lens', 'current']
			])
		);
		expect(parsed).toMatchObject({ ok: true, data: { config: { kind: 'discuss' } } });
		if (parsed.ok) expect(Object.keys(parsed.data.config)).toEqual(['kind']);
	});
});

describe('TimerForm', () => {
	const seconds = (fields: [string, string][]) => {
		const parsed = parseForm(TimerForm, form(fields));
		return parsed.ok ? parsed.data : parsed.errors;
	};

	it('adds up hours, minutes and seconds, or takes a preset', () => {
		expect(
			seconds([
				['minutes', '2'],
				['seconds', '30']
			])
		).toBe(150);
		expect(seconds([['hours', '4']])).toBe(4 * 3600);
		expect(
			seconds([
				['preset', '300'],
				['minutes', '1']
			])
		).toBe(300);
		expect(seconds([['seconds', '10']])).toBe(10);
	});

	it('refuses anything under 10 seconds or over 4 hours', () => {
		expect(seconds([['seconds', '9']])).toEqual({ form: { code: 'too_small', limit: 10 } });
		expect(
			seconds([
				['hours', '4'],
				['seconds', '1']
			])
		).toEqual({
			form: { code: 'too_big', limit: 4 * 3600 }
		});
		expect(seconds([])).toEqual({ form: { code: 'too_small', limit: 10 } });
		expect(seconds([['minutes', 'x']])).toEqual({ minutes: { code: 'invalid' } });
	});
});
