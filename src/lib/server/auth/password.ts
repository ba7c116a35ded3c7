import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Hashed once, so that unknown e-mail addresses take as long to refuse as wrong passwords. */
let decoy: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
	decoy ??= hashPassword('undercurrent-decoy-password');
	await verifyPassword(await decoy, password);
}
