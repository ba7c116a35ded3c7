// What grew between two heap snapshots (`npm run bench:soak -- --snapshots DIR` writes two):
// `node scripts/heap-diff.js DIR/warm.heapsnapshot DIR/end.heapsnapshot`. Prints the bytes
// gained per kind of node (V8's compiled code apart from the program's objects, arrays and
// strings) and the 20 largest gains by kind and name.
import { readFileSync } from 'node:fs';

/** @param {string} file */
function sizes(file) {
	const heap = JSON.parse(readFileSync(file, 'utf8'));
	const meta = heap.snapshot.meta;
	const width = meta.node_fields.length;
	const [type, name, size] = ['type', 'name', 'self_size'].map((f) => meta.node_fields.indexOf(f));
	const kinds = meta.node_types[0];
	/** @type {Map<string, number>} */
	const bytes = new Map();
	for (let i = 0; i < heap.nodes.length; i += width) {
		const kind = kinds[heap.nodes[i + type]];
		const label = `${kind} | ${String(heap.strings[heap.nodes[i + name]]).slice(0, 40)}`;
		bytes.set(label, (bytes.get(label) ?? 0) + heap.nodes[i + size]);
	}
	return bytes;
}

const [before, after] = process.argv.slice(2).map(sizes);
if (!before || !after) {
	console.error('usage: node scripts/heap-diff.js BEFORE.heapsnapshot AFTER.heapsnapshot');
	process.exit(2);
}
/** @type {Map<string, number>} */
const gained = new Map();
for (const label of new Set([...before.keys(), ...after.keys()])) {
	gained.set(label, (after.get(label) ?? 0) - (before.get(label) ?? 0));
}
/** @type {Map<string, number>} */
const byKind = new Map();
for (const [label, bytes] of gained) {
	const kind = label.split(' | ')[0];
	byKind.set(kind, (byKind.get(kind) ?? 0) + bytes);
}
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
console.log('Gained by kind of node:');
for (const [kind, bytes] of [...byKind].sort((a, b) => b[1] - a[1])) {
	if (bytes !== 0) console.log(`  ${kb(bytes).padStart(10)}  ${kind}`);
}
console.log('Largest gains:');
for (const [label, bytes] of [...gained].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
	console.log(`  ${kb(bytes).padStart(10)}  ${label}`);
}
