/**
 * The layout of a word cloud with d3-cloud (browser only: it measures words on a canvas).
 *
 * What stays put: every word starts its search for a free place where it stood last time
 * (kept as fractions of the box, so a resize keeps the picture), and a word never seen before
 * starts near the middle, at a place drawn from its own letters, so the same words give the
 * same cloud and new words gather round the others. d3-cloud tries the starting place first and
 * spirals out only if it is taken; words that kept their size are placed before words that grew
 * and new ones, so a word that grows moves only if it no longer fits where it was, and its
 * neighbours stay.
 *
 * What is packed: each word's box (its advance width by its ascent and descent as SVG draws it,
 * plus a margin), not its letters, so no two words' boxes overlap and short words never slip into the
 * gaps of big ones, which a reader at the back of the room would take for one line.
 */
import cloud from 'd3-cloud';

export interface CloudWord {
	text: string;
	count: number;
}

export interface PlacedWord {
	text: string;
	count: number;
	/** Centre of the word's baseline in px from the box's top left (text-anchor middle). */
	x: number;
	y: number;
	/** Font size in px. */
	size: number;
}

/** Where each word stood, as fractions of the box's width and height. */
export type Seeds = Map<string, { fx: number; fy: number; size: number }>;

export interface LayoutOptions {
	width: number;
	height: number;
	/** Smallest and largest font size in px. */
	min: number;
	max: number;
	fontFamily: string;
	fontWeight: string;
	/** Space kept around each word's box, px. */
	padding: number;
	/**
	 * A word's box as the page will draw it (e.g. an SVG text's bounding box, which counts the
	 * fallback fonts of other scripts); the canvas's metrics of the font when not given.
	 */
	measure?: (text: string, size: number) => Box;
}

/** A number in [0, 1) from a text: the same word starts from the same place on every screen. */
export function hashUnit(text: string, salt: number): number {
	let h = 2166136261 ^ salt;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	h ^= h >>> 13;
	h = Math.imul(h, 0x5bd1e995);
	h ^= h >>> 15;
	return (h >>> 0) / 2 ** 32;
}

/** Font size of a word: by the square root of its share of the top count (area follows count). */
export function fontSize(count: number, top: number, min: number, max: number): number {
	if (top <= 1) return Math.round((min + max) / 2);
	const share = Math.sqrt((count - 1) / (top - 1));
	return Math.round(min + (max - min) * share);
}

/** A word's box at its real size: advance width, the font's ascent and descent. */
export interface Box {
	width: number;
	ascent: number;
	descent: number;
}

/** The boxes of the words of the run under way, by text. */
let boxes = new Map<string, Box>();

/** Not a word (words are letters and digits): the frame laid out first (see runOnce). */
const FRAME = '\u0000frame';
/** The picture's height and the band below it of the run under way. */
const frame = { height: 0, band: 0, padding: 0 };

/** d3-cloud's sprite canvas is 2048 px square: a larger picture is laid out in its middle. */
const CANVAS = 2048;

/**
 * A canvas on which d3-cloud draws each word as its box at its real size, whatever font size it
 * set (see `order` in runOnce), so d3-cloud packs boxes (see the module comment).
 */
function boxCanvas(): HTMLCanvasElement {
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d', { willReadFrequently: true })!;
	const measureText = context.measureText.bind(context);
	// Each word's cell on the sprite canvas is its box and the margin drawn round it (the
	// stroke), and a pixel more: a margin spilling into the next cell would make that word
	// taller and wider than it is.
	const margin = (text: string) => (text === FRAME ? 0 : 2 * frame.padding + 2);
	context.measureText = (text: string) => {
		const box = boxes.get(text);
		return box ? ({ width: box.width + margin(text) } as TextMetrics) : measureText(text);
	};
	const rect = (text: string, x: number, y: number) => {
		const box = boxes.get(text) ?? { width: 0, ascent: 0, descent: 0 };
		const left = x + margin(text) / 2;
		return [left, y - box.ascent, box.width, box.ascent + box.descent] as const;
	};
	context.fillText = (text: string, x: number, y: number) => {
		if (text !== FRAME) return context.fillRect(...rect(text, x, y));
		// The frame: one dot at its top left, and the band below the picture filled.
		const box = boxes.get(FRAME)!;
		context.fillRect(x, y - box.ascent, 1, 1);
		context.fillRect(x, y - box.ascent + frame.height, box.width, frame.band);
	};
	context.strokeText = (text: string, x: number, y: number) => {
		if (text !== FRAME) context.strokeRect(...rect(text, x, y));
	};
	return canvas;
}

let sharedCanvas: HTMLCanvasElement | null = null;
let measure: CanvasRenderingContext2D | null = null;

function measureBox(text: string, size: number, options: LayoutOptions): Box {
	if (options.measure) {
		const box = options.measure(text, size);
		return {
			width: Math.ceil(box.width) + 1,
			ascent: Math.ceil(box.ascent),
			descent: Math.ceil(box.descent)
		};
	}
	measure ??= document.createElement('canvas').getContext('2d')!;
	measure.font = `normal ${options.fontWeight} ${size}px ${options.fontFamily}`;
	const m = measure.measureText(text);
	return {
		width: Math.ceil(m.width) + 1,
		ascent: Math.ceil(m.fontBoundingBoxAscent),
		descent: Math.ceil(m.fontBoundingBoxDescent)
	};
}

/** A word's advance width per px of font size. */
function widthPerPx(text: string, options: LayoutOptions): number {
	return measureBox(text, 100, options).width / 100;
}

function runOnce(words: CloudWord[], sizes: number[], seeds: Seeds, options: LayoutOptions) {
	// Who is placed first: words that stay as big as they were, then words that grew, then new
	// ones, each largest first; a word placed later yields, so a grown word moves, not its
	// neighbours. d3-cloud places by font size (a stable sort), so every word is given the same
	// size `S` for it (its box, drawn and measured by boxCanvas, keeps its real size).
	//
	// d3-cloud places a word only where it touches the bounds of the words placed before it,
	// and keeps a word's whole sprite cell (S below its baseline) inside the area. So a frame
	// is laid out first: a dot at the top left and a filled band S high below the picture. Its
	// bounds are the whole picture (every word may stay where it was, wherever that is), and
	// no word can be placed in the band, which only holds the cells' empty bottoms.
	const rank = (text: string, size: number) => {
		const seed = seeds.get(text);
		return !seed ? 2 : size > seed.size ? 1 : 0;
	};
	const order = words
		.map((word, i) => ({ ...word, size: sizes[i], i, rank: rank(word.text, sizes[i]) }))
		.sort((a, b) => a.rank - b.rank || b.size - a.size || a.i - b.i);
	// Cells are 2 S high, the baseline in the middle: room for any script's ascent and margin.
	const S = Math.ceil(Math.max(...sizes) * 1.3) + options.padding;
	// A multiple of 32 px: d3-cloud's board is rows of 32-bit words, and a word past the last
	// whole one would spill into the next row.
	const w = (Math.min(Math.floor(options.width), CANVAS - 64) >> 5) << 5;
	const h = Math.min(Math.floor(options.height), CANVAS - 64 - S);
	const [dx, dy] = [(Math.floor(options.width) - w) >> 1, (Math.floor(options.height) - h) >> 1];
	const band = S + ((h + S) % 2);
	const F = (h + band) >> 1;
	frame.height = h;
	frame.band = band;
	frame.padding = options.padding;
	boxes = new Map(order.map((o) => [o.text, measureBox(o.text, o.size, options)]));
	boxes.set(FRAME, { width: ((w >> 5) << 5) - 1, ascent: F, descent: F });
	const realSize = new Map(order.map((o) => [o.text, o.size]));
	// d3-cloud asks `random` three times per word, in its order: where to start across, down,
	// and which way to spiral; it starts at (size × (random + 0.5)) >> 1, so `start` gives px.
	const start = (px: number, size: number) => (2 * px + 1) / size - 0.5;
	const H = h + band;
	const draws: number[] = [start(w >> 1, w), start(F, H), 0];
	for (const word of order) {
		const seed = seeds.get(word.text);
		const fx = seed ? (seed.fx * options.width - dx) / w : 0.4 + 0.2 * hashUnit(word.text, 1);
		const fy = seed ? (seed.fy * options.height - dy) / h : 0.4 + 0.2 * hashUnit(word.text, 2);
		draws.push(start(Math.round(fx * w), w), start(Math.round(fy * h), H), hashUnit(word.text, 3));
	}
	let next = 0;
	let placed: PlacedWord[] = [];
	sharedCanvas ??= boxCanvas();
	const canvas = sharedCanvas;
	cloud<{ text: string; count: number; size: number; x?: number; y?: number }>()
		.size([w, H])
		.canvas(() => canvas)
		.words([
			{ text: FRAME, count: 0, size: F + 1 },
			...order.map(({ text, count }) => ({ text, count, size: S }))
		])
		.padding(options.padding)
		.rotate(0)
		.font(options.fontFamily)
		.fontWeight(options.fontWeight)
		.fontSize((d) => d.size)
		.spiral('archimedean')
		.random(() => draws[next++ % draws.length])
		.timeInterval(Infinity)
		.on('end', (tags) => {
			placed = tags
				.filter((t) => t.text !== FRAME)
				.map((t) => ({
					text: t.text,
					count: t.count,
					size: realSize.get(t.text)!,
					x: (t.x ?? 0) + (w >> 1) + dx,
					y: (t.y ?? 0) + (H >> 1) + dy
				}));
		})
		.start();
	return snapBack(placed, order, seeds, { ...options, w, h, dx, dy });
}

/**
 * d3-cloud's collision masks are a little wider than the boxes (its sprites are whole 32-bit
 * words, and one is smeared a word to the right at some offsets), so it now and then moves a
 * word whose place is still free. A word that kept its size and was moved goes back to where it
 * was when its box, with the margin, touches no other box there and stays inside the picture.
 */
function snapBack(
	placed: PlacedWord[],
	order: { text: string; rank: number }[],
	seeds: Seeds,
	area: LayoutOptions & { w: number; h: number; dx: number; dy: number }
): PlacedWord[] {
	const pad = area.padding;
	const rect = (p: PlacedWord) => {
		const box = boxes.get(p.text)!;
		return {
			left: p.x - box.width / 2 - pad,
			right: p.x + box.width / 2 + pad,
			top: p.y - box.ascent - pad,
			bottom: p.y + box.descent + pad
		};
	};
	const byText = new Map(placed.map((p, i) => [p.text, i]));
	const result = [...placed];
	for (const { text, rank } of order) {
		const i = byText.get(text);
		const seed = seeds.get(text);
		if (i === undefined || !seed || rank !== 0) continue;
		const back = {
			...result[i],
			x: Math.round(seed.fx * area.width),
			y: Math.round(seed.fy * area.height)
		};
		if (back.x === result[i].x && back.y === result[i].y) continue;
		const r = rect(back);
		const inside =
			r.left >= area.dx &&
			r.top >= area.dy &&
			r.right <= area.dx + area.w &&
			r.bottom <= area.dy + area.h;
		const free = result.every((other, j) => {
			if (j === i) return true;
			const o = rect(other);
			return o.right <= r.left || o.left >= r.right || o.bottom <= r.top || o.top >= r.bottom;
		});
		if (inside && free) result[i] = back;
	}
	return result;
}

/**
 * Places the words (most counted first) in the box. When not all fit, every size shrinks a step
 * and the layout runs again, down to `min`; a word that fits nowhere even then is left out of
 * the picture (the table beside it still lists it). Returns the largest size used, to start
 * from next time (starting larger again would move every word).
 */
export function layoutCloud(
	words: CloudWord[],
	seeds: Seeds,
	options: LayoutOptions
): { placed: PlacedWord[]; max: number } {
	let max = Math.max(options.min, options.max);
	if (words.length === 0 || options.width < 10 || options.height < 10) return { placed: [], max };
	const top = Math.max(...words.map((w) => w.count));
	let placed: PlacedWord[] = [];
	for (let attempt = 0; attempt < 8; attempt++) {
		const sizes = words.map((w) => {
			const size = fontSize(w.count, top, options.min, max);
			// A long word shrinks to the width of the box before it is left out.
			const fits = (options.width - 4 * options.padding - 34) / widthPerPx(w.text, options);
			return Math.max(Math.min(options.min, size), Math.floor(Math.min(size, fits)));
		});
		placed = runOnce(words, sizes, seeds, options);
		if (placed.length === words.length || max <= options.min) break;
		max = Math.max(options.min, Math.floor(max * 0.85));
	}
	return { placed, max };
}

/** The seeds for the next layout: where each placed word stands now, and how big. */
export function seedsOf(placed: PlacedWord[], width: number, height: number): Seeds {
	return new Map(placed.map((p) => [p.text, { fx: p.x / width, fy: p.y / height, size: p.size }]));
}
