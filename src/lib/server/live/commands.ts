import type { PaceCommand } from '../../domain/workshop';

const PLAIN: ReadonlySet<string> = new Set([
	'start',
	'next',
	'previous',
	'open_input',
	'close_input',
	'reveal',
	'hide',
	'show_overview',
	'hide_overview',
	'timer_pause',
	'timer_resume',
	'timer_clear',
	'lock',
	'unlock',
	'end'
] satisfies PaceCommand['type'][]);

/** Every command the console may send. */
export const PACE_COMMAND_TYPES: ReadonlySet<string> = new Set([...PLAIN, 'goto', 'timer_start']);

/** A pace command from untrusted JSON, or null. Ranges are the state machine's business. */
export function parsePaceCommand(input: unknown): PaceCommand | null {
	if (typeof input !== 'object' || input === null) return null;
	const { type, index, seconds } = input as Record<string, unknown>;
	if (typeof type !== 'string') return null;
	if (PLAIN.has(type)) return { type } as PaceCommand;
	if (type === 'goto' && Number.isInteger(index)) return { type, index: index as number };
	if (type === 'timer_start' && Number.isInteger(seconds)) {
		return { type, seconds: seconds as number };
	}
	return null;
}
