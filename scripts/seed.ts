/**
 * Demo data (src/lib/server/seed): an owner account, the organisation "Zeewind Energie (demo)",
 * two teams with a culture map each, one in English and one in Dutch, and a year of their
 * history: workshops with results, monthly pulses, commitments with check-ins.
 * Run with `npm run seed`; DATABASE_URL picks the database, DEMO_PASSWORD the password (a
 * random one is made otherwise). Running it again changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { LIMITS } from '../src/lib/domain/culture';
import { hashPassword } from '../src/lib/server/auth/password';
import { DEFAULT_DATABASE_URL, openDatabase } from '../src/lib/server/db';
import { DEMO_EMAIL, seedDemo } from '../src/lib/server/seed';

function demoPassword(): string {
	const fromEnv = process.env.DEMO_PASSWORD;
	if (fromEnv === undefined || fromEnv === '') return randomBytes(12).toString('base64url');
	if (fromEnv.length < LIMITS.password.min || fromEnv.length > LIMITS.password.max) {
		throw new Error(
			`DEMO_PASSWORD must be ${LIMITS.password.min}–${LIMITS.password.max} characters long.`
		);
	}
	return fromEnv;
}

async function main() {
	const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
	const { db, client } = await openDatabase({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
	try {
		const password = demoPassword();
		const started = performance.now();
		const seeded = await seedDemo(db, { passwordHash: () => hashPassword(password) });
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		for (const team of seeded.history) {
			const made =
				team.workshops + team.pulses === 0
					? 'already there, left alone'
					: `${team.workshops} ended workshops (${team.participants} participants), ` +
						`${team.pulses} monthly pulses (${team.responses} responses), ` +
						`${team.commitments} commitments`;
			console.log(`  ${team.team}: ${made}`);
		}
		console.log(`\nDemo data is ready in ${url} (${seconds} s).`);
		const origin = process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`;
		console.log(`Start the app with \`npm start\`, open ${origin}/signin and sign in with:`);
		console.log(`  e-mail:   ${DEMO_EMAIL}`);
		console.log(
			seeded.created
				? `  password: ${password}`
				: `  password: the one printed when this database was first seeded`
		);
	} finally {
		client.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
