// `npm run serve`: the production server (scripts/serve.js) in a node whose memory is bounded
// for the machine (scripts/memory-bound.js). `npm start` builds first, then does the same.
import { fileURLToPath } from 'node:url';
import { launchBounded } from './memory-bound.js';

launchBounded(fileURLToPath(new URL('./serve.js', import.meta.url)));
