/**
 * `npm run backup [FILE]`: a consistent copy of the embedded database named by DATABASE_URL
 * (default ./data/undercurrent.db), taken while the app runs, into FILE or
 * backups/undercurrent-<time>.db. See docs/security.md.
 */
import { BackupError, backupDatabase, defaultBackupFile } from '../src/lib/server/db/backup';
import { DEFAULT_DATABASE_URL } from '../src/lib/server/db';
import { relative } from 'node:path';

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const target = process.argv[2] || defaultBackupFile();

try {
	const facts = await backupDatabase(url, target);
	const total = Object.values(facts.rows).reduce((sum, n) => sum + n, 0);
	console.log(
		`Backed up ${url} to ${relative(process.cwd(), target) || target}: ${facts.migrations} migrations, ${total} rows in ${Object.keys(facts.rows).length} tables.`
	);
	console.log(`Restore it with: npm run restore ${relative(process.cwd(), target) || target}`);
} catch (error) {
	if (!(error instanceof BackupError)) throw error;
	console.error(`No backup: ${error.message}`);
	process.exitCode = error.code === 'remote' ? 2 : 1;
}
