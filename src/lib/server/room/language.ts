/**
 * The language a participant's page is shown in when they have not chosen one: that of the
 * workshop or pulse the page belongs to (issue 12, "language of content"), so that its Dutch
 * titles and prompts come with Dutch buttons, whatever the phone's own language.
 */
import { normaliseJoinCode } from '../../domain/workshop';
import type { ContentLanguage } from '../../domain/templates';
import type { Database } from '../db';
import { checkCodeGuess, codeWasRight, codeWasWrong } from '../live/limits';
import { findPulseLanguage } from '../pulses/queries';
import { findWorkshopLanguage } from '../workshops/queries';

/** The client's address, asked for only where it is needed (a missing proxy header throws). */
type Address = () => string;
type Lookup = (db: Database, key: string, address: Address) => Promise<ContentLanguage | null>;

/**
 * A join code's workshop language. The page's language would tell whether a code exists, so
 * the lookup spends a guess as a join does (`checkCodeGuess`): out of guesses, no language.
 */
async function joinCodeLanguage(db: Database, code: string, clientAddress: Address) {
	const joinCode = normaliseJoinCode(code);
	if (!joinCode) return null;
	let address: string;
	try {
		address = clientAddress();
		checkCodeGuess(address, joinCode);
	} catch {
		// Out of guesses, or no address to count them by (a proxy that sent no header).
		return null;
	}
	const language = await findWorkshopLanguage(db, { joinCode });
	if (language) codeWasRight(address, joinCode);
	else codeWasWrong(address);
	return language;
}

/** The room's pages, by path, and where their language comes from. */
const ROOM_PAGES: [RegExp, Lookup][] = [
	[/^\/w\/([^/]+)(?:\/|$)/, (db, id) => findWorkshopLanguage(db, { id })],
	[/^\/join\/([^/]+)\/?$/, joinCodeLanguage],
	[/^\/pulse\/([^/]+)(?:\/|$)/, (db, code) => findPulseLanguage(db, code)]
];

/**
 * The content language of the room page at `pathname` (a page's data too), asked for by a
 * client at `address` (asked for a join code only); null elsewhere.
 */
export async function roomPageLanguage(
	db: Database,
	pathname: string,
	address: Address
): Promise<ContentLanguage | null> {
	const path = pathname.replace(/\/__data\.json$/, '');
	for (const [pattern, lookup] of ROOM_PAGES) {
		const key = pattern.exec(path)?.[1];
		if (key === undefined) continue;
		let decoded: string;
		try {
			decoded = decodeURIComponent(key);
		} catch {
			return null;
		}
		return decoded.length <= 64 ? lookup(db, decoded, address) : null;
	}
	return null;
}
