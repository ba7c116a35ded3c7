/**
 * One-time codes, scoped to a workshop (verified room) or a pulse (verified pulse). Only the
 * SHA-256 of a code and its state are stored: never the code, never who spent it or when. A
 * code is shown once, on the printable page that made it, and is gone from the server after.
 */
import { and, count, eq, type SQL } from 'drizzle-orm';
import {
	ACCESS_CODE_ALPHABET,
	ACCESS_CODE_LENGTH,
	ACCESS_CODE_LIMITS,
	normaliseAccessCode
} from '../../domain/access-codes';
import type { Database } from '../db';
import { accessCodes } from '../db/schema';
import { hashToken } from '../ids';

/** Whose codes: a workshop's or a pulse's (a code has exactly one of the two). */
export type CodeScope = { workshopId: string } | { pulseId: string };

/** A database or a transaction: a code is spent in the transaction that stores what it pays for. */
type Db = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/** The condition that picks a scope's codes. */
function inScope(scope: CodeScope): SQL {
	return 'workshopId' in scope
		? eq(accessCodes.workshopId, scope.workshopId)
		: eq(accessCodes.pulseId, scope.pulseId);
}

/** The scope's column values for a new code. */
const scopeColumns = (scope: CodeScope) =>
	'workshopId' in scope
		? { workshopId: scope.workshopId, pulseId: null }
		: { workshopId: null, pulseId: scope.pulseId };

export interface CodeCounts {
	printed: number;
	used: number;
	unused: number;
	voided: number;
}

function randomCode(): string {
	// 256 is a multiple of 32: every character is equally likely.
	const bytes = crypto.getRandomValues(new Uint8Array(ACCESS_CODE_LENGTH));
	return Array.from(bytes, (b) => ACCESS_CODE_ALPHABET[b % ACCESS_CODE_ALPHABET.length]).join('');
}

export function hashAccessCode(code: string): string {
	return hashToken(code);
}

/** How many of a scope's codes were printed, spent, still unused, voided. Never which. */
export async function countAccessCodes(db: Db, scope: CodeScope): Promise<CodeCounts> {
	const rows = await db
		.select({ state: accessCodes.state, n: count() })
		.from(accessCodes)
		.where(inScope(scope))
		.groupBy(accessCodes.state);
	const of = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
	const counts = { used: of('used'), unused: of('unused'), voided: of('void') };
	return { printed: counts.used + counts.unused + counts.voided, ...counts };
}

/**
 * `wanted` new codes (1 to the batch limit, and no more than the total limit allows), returned
 * in plain text once; stored as hashes. Null when the limit is reached.
 */
export async function createAccessCodes(
	db: Database,
	scope: CodeScope,
	wanted: number
): Promise<string[] | null> {
	// Counted and written in one transaction: batches made at the same moment cannot together
	// pass the total.
	return db.transaction(async (tx) => {
		const { printed } = await countAccessCodes(tx, scope);
		const n = Math.min(wanted, ACCESS_CODE_LIMITS.batch, ACCESS_CODE_LIMITS.total - printed);
		if (n < 1) return null;
		const codes = new Set<string>();
		while (codes.size < n) codes.add(randomCode());
		const list = [...codes];
		await tx
			.insert(accessCodes)
			.values(list.map((code) => ({ codeHash: hashAccessCode(code), ...scopeColumns(scope) })))
			.onConflictDoNothing();
		return list;
	});
}

/**
 * Spends a code: true for exactly one caller, however many send the same code at once (one
 * conditional UPDATE; SQLite runs writes one at a time). Records that it was used, not by whom.
 */
export async function spendAccessCode(db: Db, scope: CodeScope, typed: string): Promise<boolean> {
	const code = normaliseAccessCode(typed);
	if (!code) return false;
	const spent = await db
		.update(accessCodes)
		.set({ state: 'used' })
		.where(
			and(
				eq(accessCodes.codeHash, hashAccessCode(code)),
				inScope(scope),
				eq(accessCodes.state, 'unused')
			)
		)
		.returning({ state: accessCodes.state });
	return spent.length === 1;
}

/** Gives a spent code back, when the join it paid for could not be stored. */
export async function restoreAccessCode(db: Db, scope: CodeScope, typed: string) {
	const code = normaliseAccessCode(typed);
	if (!code) return;
	await db
		.update(accessCodes)
		.set({ state: 'unused' })
		.where(
			and(
				eq(accessCodes.codeHash, hashAccessCode(code)),
				inScope(scope),
				eq(accessCodes.state, 'used')
			)
		);
}

/** Every unused code of the scope stops working (lost slips); returns how many. */
export async function voidUnusedCodes(db: Database, scope: CodeScope): Promise<number> {
	const voided = await db
		.update(accessCodes)
		.set({ state: 'void' })
		.where(and(inScope(scope), eq(accessCodes.state, 'unused')))
		.returning({ state: accessCodes.state });
	return voided.length;
}
