// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutCloud, seedsOf, type LayoutOptions, type PlacedWord } from './cloud-layout';

/**
 * A canvas that only knows rectangles (all the layout draws, see boxCanvas): a word is as wide
 * as 0.6 of its font size per letter, with ascent 0.9 and descent 0.25 of it.
 */
class FakeContext {
	width = 1;
	height = 1;
	pixels = new Uint8ClampedArray(4);
	font = '10px x';
	fillStyle = '';
	strokeStyle = '';
	lineWidth = 1;
	private stack: { dx: number; dy: number; lineWidth: number }[] = [];
	private dx = 0;
	private dy = 0;
	constructor(private canvas: FakeCanvas) {}
	private size() {
		return parseFloat(/(\d+(?:\.\d+)?)px/.exec(this.font)![1]);
	}
	measureText(text: string) {
		const size = this.size();
		return {
			width: text.length * 0.6 * size,
			fontBoundingBoxAscent: 0.9 * size,
			fontBoundingBoxDescent: 0.25 * size
		} as TextMetrics;
	}
	private fill(x: number, y: number, w: number, h: number) {
		const { width, height } = this.canvas;
		const x0 = Math.max(0, Math.floor(x + this.dx));
		const y0 = Math.max(0, Math.floor(y + this.dy));
		const x1 = Math.min(width, Math.ceil(x + this.dx + w));
		const y1 = Math.min(height, Math.ceil(y + this.dy + h));
		for (let j = y0; j < y1; j++) {
			for (let i = x0; i < x1; i++) this.canvas.data[(j * width + i) * 4] = 255;
		}
	}
	fillRect(x: number, y: number, w: number, h: number) {
		this.fill(x, y, w, h);
	}
	strokeRect(x: number, y: number, w: number, h: number) {
		const p = this.lineWidth / 2;
		this.fill(x - p, y - p, w + 2 * p, h + 2 * p);
	}
	clearRect() {
		this.canvas.data.fill(0);
	}
	save() {
		this.stack.push({ dx: this.dx, dy: this.dy, lineWidth: this.lineWidth });
	}
	restore() {
		Object.assign(this, this.stack.pop());
	}
	translate(x: number, y: number) {
		this.dx += x;
		this.dy += y;
	}
	getImageData(x: number, y: number, w: number, h: number) {
		const { width } = this.canvas;
		const data = new Uint8ClampedArray(w * h * 4);
		for (let j = 0; j < h; j++) {
			data.set(
				this.canvas.data.subarray(((y + j) * width + x) * 4, ((y + j) * width + x + w) * 4),
				j * w * 4
			);
		}
		return { data };
	}
}

class FakeCanvas {
	private w = 1;
	private h = 1;
	data = new Uint8ClampedArray(4);
	private context = new FakeContext(this);
	get width() {
		return this.w;
	}
	set width(v: number) {
		this.w = v;
		this.data = new Uint8ClampedArray(this.w * this.h * 4);
	}
	get height() {
		return this.h;
	}
	set height(v: number) {
		this.h = v;
		this.data = new Uint8ClampedArray(this.w * this.h * 4);
	}
	getContext() {
		return this.context;
	}
}

const OPTIONS: LayoutOptions = {
	width: 1600,
	height: 700,
	min: 28,
	max: 117,
	fontFamily: 'sans-serif',
	fontWeight: '700',
	padding: 2
};

function boxOf(p: PlacedWord) {
	const width = p.text.length * 0.6 * p.size;
	return {
		left: p.x - width / 2,
		right: p.x + width / 2,
		top: p.y - 0.9 * p.size,
		bottom: p.y + 0.25 * p.size
	};
}

function expectNeat(placed: PlacedWord[], options = OPTIONS) {
	for (const p of placed) {
		const b = boxOf(p);
		expect(b.left).toBeGreaterThanOrEqual(0);
		expect(b.top).toBeGreaterThanOrEqual(0);
		expect(b.right).toBeLessThanOrEqual(options.width);
		expect(b.bottom).toBeLessThanOrEqual(options.height);
	}
	for (let i = 0; i < placed.length; i++) {
		for (let j = i + 1; j < placed.length; j++) {
			const a = boxOf(placed[i]);
			const b = boxOf(placed[j]);
			const overlap =
				Math.min(a.right, b.right) > Math.max(a.left, b.left) &&
				Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
			expect(overlap, `${placed[i].text} / ${placed[j].text}`).toBe(false);
		}
	}
}

const WORDS = [
	['Feedback', 3],
	['Meetings', 3],
	['Deadlines', 2],
	['Management', 2],
	['overleg', 2],
	['teams', 2],
	['Trust', 2],
	['agenda', 1],
	['alone', 1],
	['ander', 1],
	['asks', 1],
	['beslissingen', 1],
	['besluit', 1],
	['Blame', 1],
	['budget', 1],
	['celebrates', 1],
	['comes', 1],
	['compete', 1],
	['decides', 1],
	['does', 1],
	['earned', 1],
	['eat', 1],
	['email', 1],
	['Heroics', 1],
	['klagen', 1],
	['Klanten', 1],
	['late', 1],
	['ligt', 1],
	['lopen', 1],
	['many', 1],
	['night', 1],
	['normal', 1],
	['Overtime', 1],
	['process', 1],
	['review', 1],
	['sacred', 1],
	['schuld', 1],
	['Silos', 1],
	['slowly', 1],
	['snelheid', 1],
	['Snelle', 1],
	['success', 1],
	['team', 1],
	['Vergaderingen', 1],
	['vertrouwen', 1],
	['weekends', 1],
	['whole', 1],
	['without', 1],
	['wrong', 1],
	['Customers', 1]
].map(([text, count]) => ({ text: text as string, count: count as number }));

describe('layoutCloud', () => {
	beforeEach(() => {
		(globalThis as { document?: unknown }).document = {
			createElement: () => new FakeCanvas()
		};
	});
	afterEach(() => {
		delete (globalThis as { document?: unknown }).document;
	});

	it('places every word with no two boxes overlapping and none outside the box', () => {
		const { placed } = layoutCloud(WORDS, new Map(), OPTIONS);
		expect(placed).toHaveLength(WORDS.length);
		expectNeat(placed);
		expect(layoutCloud(WORDS, new Map(), OPTIONS).placed).toEqual(placed);
	});

	it('keeps every other word in place when one grows and a new one comes', () => {
		const first = layoutCloud(WORDS, new Map(), OPTIONS);
		const seeds = seedsOf(first.placed, OPTIONS.width, OPTIONS.height);
		const grown = [
			...WORDS.map((w) => (w.text === 'Trust' ? { ...w, count: 3 } : w)),
			{ text: 'patience', count: 1 }
		];
		const second = layoutCloud(grown, seeds, { ...OPTIONS, max: first.max });
		expect(second.placed).toHaveLength(grown.length);
		expectNeat(second.placed);
		const before = new Map(first.placed.map((p) => [p.text, p]));
		for (const p of second.placed) {
			if (p.text === 'Trust' || p.text === 'patience') continue;
			const was = before.get(p.text)!;
			expect([p.text, p.x, p.y], 'kept its place').toEqual([p.text, was.x, was.y]);
		}
	});
});
