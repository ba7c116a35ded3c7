/**
 * The grouping benchmark: `npm run bench:grouping [-- --iterations 20 --threshold 0.35]`.
 *
 * Pairwise precision and recall of the suggested groups (`suggestGroups`) against the labelled
 * cards of `src/lib/domain/grouping.fixture.ts`: on the tuning half (the topics the threshold
 * and the lexicon were adjusted on), on the held-out half (never looked at while tuning) and
 * on both at once; then on fresh cards written after the engine was frozen (never used to
 * change it), alone and with the others. Then the time to suggest groups for 500 and 1,000 cards (the labelled
 * cards repeated with typos, case, spacing and copy numbers, new ids each time): p50 and
 * slowest of --iterations runs after --warmup. Writes bench-results/grouping-<date>.json and
 * the table into docs/performance.md (between the `bench:grouping` markers).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { saveResults, writeDocsTable } from './bench-report';
import {
	DEFAULT_THRESHOLD,
	pairwiseScore,
	suggestGroups,
	type PairwiseScore
} from '../src/lib/domain/grouping';
import {
	TOPICS,
	freshCards,
	holdoutHalf,
	labelledCards,
	perturbedCards,
	tuningHalf
} from '../src/lib/domain/grouping.fixture';

const { values: args } = parseArgs({
	options: {
		iterations: { type: 'string', default: '20' },
		warmup: { type: 'string', default: '3' },
		threshold: { type: 'string' },
		'no-docs': { type: 'boolean', default: false }
	}
});
const ITERATIONS = Number(args.iterations);
const WARMUP = Number(args.warmup);
const THRESHOLD = args.threshold ? Number(args.threshold) : DEFAULT_THRESHOLD;
const TARGET = { precision: 0.8, recall: 0.6, ms500: 200 };

const log = (text: string) => console.log(`[bench:grouping] ${text}`);

type Labelled = { id: string; text: string; label: string };

function quality(cards: Labelled[]): PairwiseScore & { cards: number; groups: number } {
	const groups = suggestGroups(cards, { threshold: THRESHOLD });
	const score = pairwiseScore(groups, new Map(cards.map((card) => [card.id, card.label])));
	return { ...score, cards: cards.length, groups: groups.length };
}

function percentile(sorted: number[], p: number): number {
	const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, at)];
}

/**
 * A room that says a few things over and over: the first card of nine topics, copied with
 * numbers of up to three digits (no longer near-duplicate keys), emoji and right-to-left text.
 */
function repeatedCards(count: number): Labelled[] {
	const themes = TOPICS.slice(0, 7).map((topic) => ({ label: topic.label, text: topic.cards[0] }));
	themes.push({ label: 'rtl', text: 'שלום, "שקיפות" היא ערך' }, { label: 'emoji', text: '🙂🙂🙂' });
	return Array.from({ length: count }, (_, i) => {
		const theme = themes[i % themes.length];
		return {
			id: `r${String(i).padStart(5, '0')}`,
			text: `${theme.text} #${i}`,
			label: theme.label
		};
	});
}

function timing(count: number, make: (count: number) => Labelled[] = perturbedCards) {
	const cards = make(count);
	for (let i = 0; i < WARMUP; i++) suggestGroups(cards, { threshold: THRESHOLD });
	const times: number[] = [];
	let groups = 0;
	for (let i = 0; i < ITERATIONS; i++) {
		const t = performance.now();
		groups = suggestGroups(cards, { threshold: THRESHOLD }).length;
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	const score = quality(cards);
	return {
		repeated: make === repeatedCards,
		cards: count,
		groups,
		precision: score.precision,
		recall: score.recall,
		ms: { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! }
	};
}

function main() {
	const coldStart = performance.now();
	suggestGroups(perturbedCards(500), { threshold: THRESHOLD });
	const coldMs = performance.now() - coldStart;
	const loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);
	const all = labelledCards();
	const result = {
		date: new Date().toISOString(),
		settings: { threshold: THRESHOLD, iterations: ITERATIONS, warmup: WARMUP },
		quality: {
			tuning: quality(tuningHalf(all)),
			holdout: quality(holdoutHalf(all)),
			all: quality(all),
			fresh: quality(freshCards()),
			together: quality([...all, ...freshCards()])
		},
		coldMs,
		timing: [timing(500), timing(1000), timing(1000, repeatedCards)],
		machine: {
			cpus: os.cpus().length,
			cpu: os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? '',
			node: process.version,
			loadBefore,
			loadAfter: os.loadavg().map((n) => Math.round(n * 100) / 100)
		}
	};
	report(result);
}

type Quality = ReturnType<typeof quality>;
type Timing = ReturnType<typeof timing>;
type Result = {
	date: string;
	settings: { threshold: number; iterations: number; warmup: number };
	quality: Record<'tuning' | 'holdout' | 'all' | 'fresh' | 'together', Quality>;
	coldMs: number;
	timing: Timing[];
	machine: { cpus: number; cpu: string; node: string; loadBefore: number[]; loadAfter: number[] };
};

function table(r: Result): string {
	const fixed = (n: number) => n.toFixed(2);
	const met = (ok: boolean) => (ok ? 'yes' : 'no');
	const rows: string[][] = [];
	const names = {
		tuning: 'tuning half',
		holdout: 'held-out half',
		all: 'both halves',
		fresh: 'fresh cards, written after tuning',
		together: 'both halves and the fresh cards'
	} as const;
	for (const key of ['tuning', 'holdout', 'all', 'fresh', 'together'] as const) {
		const q = r.quality[key];
		rows.push([
			`precision / recall, ${names[key]} (${q.cards} cards, ${q.groups} groups)`,
			`${fixed(q.precision)} / ${fixed(q.recall)}`,
			`≥ ${TARGET.precision} / ≥ ${TARGET.recall}`,
			met(q.precision >= TARGET.precision && q.recall >= TARGET.recall)
		]);
	}
	for (const t of r.timing) {
		rows.push([
			`suggest for ${t.cards.toLocaleString('en')} cards${t.repeated ? ' that say nine things over and over' : ''}, p50 / p95 / slowest (${r.settings.iterations} runs)`,
			`${t.ms.p50.toFixed(1)} / ${t.ms.p95.toFixed(1)} / ${t.ms.max.toFixed(1)} ms`,
			t.cards === 500 ? `< ${TARGET.ms500} ms` : '',
			t.cards === 500 ? met(t.ms.p95 < TARGET.ms500) : ''
		]);
		if (t.cards === 500) {
			rows.push(['first run in a fresh process (500 cards)', `${r.coldMs.toFixed(1)} ms`, '', '']);
		}
		rows.push([
			`precision / recall on those ${t.cards.toLocaleString('en')} cards`,
			`${fixed(t.precision)} / ${fixed(t.recall)}`,
			'',
			''
		]);
	}
	const head = '| measure | value | target | met |\n| --- | --- | --- | --- |\n';
	return head + rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function report(r: Result) {
	const text = table(r);
	const machine = `${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, load average before/after ${r.machine.loadBefore[0]} / ${r.machine.loadAfter[0]}, threshold ${r.settings.threshold}, ${r.date.slice(0, 16).replace('T', ' ')} UTC`;
	console.log(`\n${text}\n\n${machine}\n`);
	log(`results in ${saveResults('grouping', r.date, r)}`);
	if (args['no-docs']) return;
	const docs = writeDocsTable({
		marker: 'bench:grouping',
		heading: 'Suggested groups: quality and speed',
		text,
		machine,
		command: 'npm run bench:grouping'
	});
	log(`table written to ${docs}`);
}

main();
