// `npm run build` with its log kept back: hundreds of lines of chunk sizes and plugin timings,
// ending with advice for a script this project does not use. The log is printed only when the
// build fails. Used by `npm start` (scripts/start.js) and `npm run bench:weight`.
import { spawn } from 'node:child_process';

/** Builds; on failure prints the build's log and exits the process. Resolves with the seconds taken. */
export async function buildQuietly() {
	const started = Date.now();
	// npm sets npm_execpath when it runs a script; call the same npm again.
	const npm = process.env.npm_execpath;
	/** @type {[string, string[]]} */
	const [command, args] = npm
		? [process.execPath, [npm, 'run', 'build']]
		: ['npm', ['run', 'build']];
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
	return Math.round((Date.now() - started) / 1000);
}
