// Which Chromium the e2e tests drive, and what to do when there is none. Playwright never
// downloads a browser here: it drives the one CHROMIUM_PATH names, else Debian's
// /usr/bin/chromium. `npm test` and `npm run test:e2e` start with `node scripts/chromium.js`:
// it finds that browser, installs Debian's `chromium` package when it may (root, apt), or stops
// at once with one line that says what to run, before anything is built or tested. .ci/run
// uses it too. Node built-ins only: .ci/run calls it before `npm ci`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_ENV = 'CHROMIUM_PATH';
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';

/**
 * @typedef {object} Machine
 * @property {Record<string, string | undefined>} env
 * @property {(path: string) => boolean} isExecutable
 * @property {boolean} isRoot
 * @property {boolean} hasApt
 *
 * @typedef {{ action: 'use', path: string }
 *   | { action: 'install', path: string, commands: string[][] }
 *   | { action: 'stop', message: string }} Choice
 */

/**
 * What to do to have a Chromium: use a configured or installed one, install Debian's, or stop
 * with one line for the person at the keyboard. A configured path that is not a browser stops
 * rather than falling back: it is a mistake to point out, not to paper over.
 * @param {Machine} machine
 * @returns {Choice}
 */
export function chooseChromium({ env, isExecutable, isRoot, hasApt }) {
	const configured = env[CHROMIUM_ENV]?.trim();
	if (configured) {
		if (isExecutable(configured)) return { action: 'use', path: configured };
		return {
			action: 'stop',
			message: `${CHROMIUM_ENV}=${configured} is not an executable file: point it at a Chromium (e.g. ${SYSTEM_CHROMIUM}) or unset it, then run npm test again.`
		};
	}
	if (isExecutable(SYSTEM_CHROMIUM)) return { action: 'use', path: SYSTEM_CHROMIUM };
	if (isRoot && hasApt) {
		return {
			action: 'install',
			path: SYSTEM_CHROMIUM,
			commands: [
				['apt-get', 'update'],
				['apt-get', 'install', '-y', 'chromium']
			]
		};
	}
	return {
		action: 'stop',
		message: hasApt
			? `No Chromium for the e2e tests: run \`sudo ${INSTALL}\` (or set ${CHROMIUM_ENV}=/path/to/chromium), then npm test again.`
			: `No Chromium for the e2e tests: install Chromium and run \`${CHROMIUM_ENV}=/path/to/chromium npm test\`.`
	};
}

/** The browser playwright.config.ts launches: no checks, no side effects. */
export function chromiumPath(env = process.env) {
	return env[CHROMIUM_ENV]?.trim() || SYSTEM_CHROMIUM;
}

/** @param {string} path */
function isExecutable(path) {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/** @param {string} command */
function onPath(command) {
	return (process.env.PATH ?? '')
		.split(delimiter)
		.some((folder) => folder !== '' && isExecutable(join(folder, command)));
}

function ensureChromium() {
	const choice = chooseChromium({
		env: process.env,
		isExecutable,
		isRoot: process.getuid?.() === 0,
		hasApt: onPath('apt-get')
	});
	if (choice.action === 'stop') {
		console.error(choice.message);
		return 1;
	}
	if (choice.action === 'install') {
		console.log(
			`No Chromium at ${choice.path}; installing Debian's chromium package (${INSTALL}).`
		);
		for (const [command, ...args] of choice.commands) {
			const run = spawnSync(command, args, {
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			});
			if (run.status !== 0) {
				console.error(
					`\`${[command, ...args].join(' ')}\` failed: install Chromium, then run npm test again.`
				);
				return 1;
			}
		}
		if (!isExecutable(choice.path)) {
			console.error(`${INSTALL} left no ${choice.path}: set ${CHROMIUM_ENV}=/path/to/chromium.`);
			return 1;
		}
	}
	console.log(`e2e browser: ${choice.path}`);
	return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	process.exitCode = ensureChromium();
}
