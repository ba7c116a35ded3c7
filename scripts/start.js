// `npm start`: build, then serve (scripts/serve.js). The build's own log is hundreds of lines of
// chunk sizes and plugin timings, and ends by advising a script this project does not use; it
// is shown only when the build fails. `npm run serve` serves the last build without building.
import { spawn } from 'node:child_process';

const started = Date.now();
console.log('Building the production build (about a minute; `npm run serve` skips this)…');

// npm sets npm_execpath when it runs this script; call the same npm again.
const npm = process.env.npm_execpath;
const [command, args] = npm ? [process.execPath, [npm, 'run', 'build']] : ['npm', ['run', 'build']];
const build = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
/** @type {Buffer[]} */
const log = [];
build.stdout.on('data', (chunk) => log.push(chunk));
build.stderr.on('data', (chunk) => log.push(chunk));
const code = await new Promise((done) => build.once('close', done));

if (code !== 0) {
	process.stderr.write(Buffer.concat(log));
	console.error(`\nThe build failed (exit code ${code}); its log is above.`);
	process.exit(1);
}
console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.\n`);
await import('./serve.js');
