/**
 * `npm run restore FILE`: puts a backup made by `npm run backup` in place of the embedded
 * database named by DATABASE_URL. Stop the app first: the restore refuses a file that is
 * open, and anything that is not an intact Undercurrent database. The replaced database is
 * kept beside it. See docs/security.md.
 */
import { BackupError, restoreDatabase } from '../src/lib/server/db/backup';
import { DEFAULT_DATABASE_URL } from '../src/lib/server/db';

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const source = process.argv[2];

if (!source) {
	console.error('Usage: npm run restore FILE   (DATABASE_URL says where to put it)');
	process.exitCode = 1;
} else {
	try {
		const result = await restoreDatabase(source, url);
		const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
		console.log(
			`Restored ${source} into ${url}: ${result.migrations} migrations, ${total} rows in ${Object.keys(result.rows).length} tables.`
		);
		if (result.replaced) console.log(`The database it replaced is kept as ${result.replaced}`);
		console.log('Start the app again; migrations newer than the backup run at start.');
	} catch (error) {
		if (!(error instanceof BackupError)) throw error;
		console.error(`Not restored: ${error.message}`);
		process.exitCode = 1;
	}
}
