/**
 * How `npm test` finds the browser for the e2e tests (scripts/chromium.js): a configured path,
 * then Debian's /usr/bin/chromium; without one, install it as root with apt, else stop with one
 * line that says what to run.
 */
import { describe, expect, it } from 'vitest';
import { chooseChromium, chromiumPath, CHROMIUM_ENV, SYSTEM_CHROMIUM } from './chromium.js';

const machine = (
	over: Partial<Parameters<typeof chooseChromium>[0]> & { present?: string[] } = {}
) => {
	const present = new Set(over.present ?? []);
	return {
		env: over.env ?? {},
		isExecutable: over.isExecutable ?? ((path: string) => present.has(path)),
		isRoot: over.isRoot ?? false,
		hasApt: over.hasApt ?? true
	};
};

describe('chooseChromium', () => {
	it('uses the configured path when it is an executable', () => {
		const choice = chooseChromium(
			machine({ env: { [CHROMIUM_ENV]: '/opt/chrome/chrome' }, present: ['/opt/chrome/chrome'] })
		);
		expect(choice).toEqual({ action: 'use', path: '/opt/chrome/chrome' });
	});

	it('stops on a configured path that is not an executable, even with a system Chromium', () => {
		const choice = chooseChromium(
			machine({ env: { [CHROMIUM_ENV]: '/nope' }, present: [SYSTEM_CHROMIUM], isRoot: true })
		);
		expect(choice.action).toBe('stop');
		if (choice.action === 'stop') expect(choice.message).toContain(`${CHROMIUM_ENV}=/nope`);
	});

	it('uses /usr/bin/chromium without configuration (a blank setting counts as none)', () => {
		for (const env of [{}, { [CHROMIUM_ENV]: '  ' }]) {
			expect(chooseChromium(machine({ env, present: [SYSTEM_CHROMIUM] }))).toEqual({
				action: 'use',
				path: SYSTEM_CHROMIUM
			});
		}
	});

	it("installs Debian's chromium when there is none, as root with apt", () => {
		expect(chooseChromium(machine({ isRoot: true, hasApt: true }))).toEqual({
			action: 'install',
			path: SYSTEM_CHROMIUM,
			commands: [
				['apt-get', 'update'],
				['apt-get', 'install', '-y', 'chromium']
			]
		});
	});

	it('stops with one line naming the command to run when it may not install', () => {
		const cases = [
			{ isRoot: false, hasApt: true, says: 'sudo apt-get install -y chromium' },
			{ isRoot: true, hasApt: false, says: `${CHROMIUM_ENV}=/path/to/chromium npm test` },
			{ isRoot: false, hasApt: false, says: `${CHROMIUM_ENV}=/path/to/chromium npm test` }
		];
		for (const { says, ...facts } of cases) {
			const choice = chooseChromium(machine(facts));
			expect(choice.action).toBe('stop');
			if (choice.action !== 'stop') continue;
			expect(choice.message).toContain(says);
			expect(choice.message).not.toContain('\n');
		}
	});
});

describe('chromiumPath', () => {
	it('is the configured path, else /usr/bin/chromium', () => {
		expect(chromiumPath({ [CHROMIUM_ENV]: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
		expect(chromiumPath({})).toBe(SYSTEM_CHROMIUM);
		expect(chromiumPath({ [CHROMIUM_ENV]: '' })).toBe(SYSTEM_CHROMIUM);
	});
});
