// `npm start`: build, then serve (scripts/serve.js, in a node bounded for the machine:
// scripts/memory-bound.js), printing only what a user needs; the build's log shows only if it
// fails. `npm run serve` serves the last build without building.
import { buildQuietly } from './build-quietly.js';

console.log('Building the production build (about a minute; `npm run serve` skips this)…');
const seconds = await buildQuietly();
console.log(`Built in ${seconds} s.\n`);
await import('./serve-bounded.js');
