// The production server's memory bound: `npm start` and `npm run serve` run scripts/serve.js
// in a node started with a heap limit chosen for the machine, so the process stays bounded
// without anyone having to know about NODE_OPTIONS (docs/performance.md, "Memory").
//
// V8 otherwise lets the old generation grow to about twice what is live before a full
// collection: 10,000 participants (~250 MB live) then peaked at ~600 MB under a burst of votes.
// With a ceiling V8 collects earlier, at some cost in CPU while near it. The young generation
// (semi-spaces) holds each request's short-lived objects; it is set too, so the whole bound is
// known: the old generation's ceiling plus three semi-spaces plus code and buffers.
//
// Overrides, in order: a `--max-old-space-size` / `--max-semi-space-size` in NODE_OPTIONS is
// kept as it is; SERVER_HEAP_MB and SERVER_SEMI_SPACE_MB set the sizes in MB; SERVER_HEAP_MB=off
// leaves node's defaults.
import { spawn } from 'node:child_process';
import os from 'node:os';

/** The old generation's ceiling on a machine with at least 1.5 GB: room for ~12,000 people. */
export const HEAP_MB = 384;
/** One semi-space; the young generation takes up to three (48 MB). */
export const SEMI_SPACE_MB = 16;
/** Below this, never: the app itself, its database pages and one room of 2,000 need it. */
export const MIN_HEAP_MB = 160;

/** Memory this process may use: the machine's, or its container's limit if lower (MB). */
export function availableMemoryMb() {
	const total = os.totalmem();
	const constrained = process.constrainedMemory?.() ?? 0;
	const limit = constrained > 0 && constrained < total ? constrained : total;
	return Math.floor(limit / 2 ** 20);
}

/**
 * The node options that bound the server on a machine with `memoryMb` of memory: the heap
 * ceiling is HEAP_MB, or a quarter of the memory on a smaller machine (not below MIN_HEAP_MB),
 * so the server leaves room for the database's own cache and the system.
 *
 * @param {{ env?: Record<string, string | undefined>, memoryMb?: number }} [options]
 * @returns {string[]}
 */
export function memoryBoundArguments({ env = process.env, memoryMb = availableMemoryMb() } = {}) {
	if (env.SERVER_HEAP_MB === 'off') return [];
	const nodeOptions = env.NODE_OPTIONS ?? '';
	const args = [];
	if (!/--max[-_]old[-_]space[-_]size/.test(nodeOptions)) {
		const heap = positive(env.SERVER_HEAP_MB, 'SERVER_HEAP_MB') ?? chosenHeap(memoryMb);
		args.push(`--max-old-space-size=${heap}`);
	}
	if (!/--max[-_]semi[-_]space[-_]size/.test(nodeOptions)) {
		const semi =
			positive(env.SERVER_SEMI_SPACE_MB, 'SERVER_SEMI_SPACE_MB') ??
			(memoryMb >= 1024 ? SEMI_SPACE_MB : 8);
		args.push(`--max-semi-space-size=${semi}`);
	}
	return args;
}

/** @param {number} memoryMb */
function chosenHeap(memoryMb) {
	return Math.max(MIN_HEAP_MB, Math.min(HEAP_MB, Math.floor(memoryMb / 4)));
}

/**
 * @param {string | undefined} value
 * @param {string} name
 */
function positive(value, name) {
	if (value === undefined || value === '') return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n <= 0) {
		throw new Error(`${name} must be a whole number of MB (or SERVER_HEAP_MB=off), not "${value}"`);
	}
	return n;
}

/**
 * Runs `script` in a bounded node and lives as long as it does: signals are passed on, its exit
 * code becomes ours, and if this process is killed outright the server hears of it (the IPC
 * channel closes) and shuts down (scripts/serve.js).
 *
 * @param {string} script
 */
export function launchBounded(script) {
	const child = spawn(process.execPath, [...memoryBoundArguments(), script], {
		stdio: ['inherit', 'inherit', 'inherit', 'ipc']
	});
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, () => child.kill(signal));
	}
	child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
	return child;
}
