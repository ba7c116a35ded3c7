/**
 * The language a participant's page is shown in when they have not chosen one: that of the
 * workshop or pulse the page belongs to (issue 12, "language of content"), so that its Dutch
 * titles and prompts come with Dutch buttons, whatever the phone's own language.
 */
import { normaliseJoinCode } from '../../domain/workshop';
import type { ContentLanguage } from '../../domain/templates';
import type { Database } from '../db';
import { findPulseLanguage } from '../pulses/queries';
import { findWorkshopLanguage } from '../workshops/queries';

type Lookup = (db: Database, key: string) => Promise<ContentLanguage | null>;

/** The room's pages, by path, and where their language comes from. */
const ROOM_PAGES: [RegExp, Lookup][] = [
	[/^\/w\/([^/]+)(?:\/|$)/, (db, id) => findWorkshopLanguage(db, { id })],
	[
		/^\/join\/([^/]+)\/?$/,
		async (db, code) => {
			const joinCode = normaliseJoinCode(code);
			return joinCode ? findWorkshopLanguage(db, { joinCode }) : null;
		}
	],
	[/^\/pulse\/([^/]+)(?:\/|$)/, (db, code) => findPulseLanguage(db, code)]
];

/** The content language of the room page at `pathname` (a page's data too); null elsewhere. */
export async function roomPageLanguage(
	db: Database,
	pathname: string
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
		return decoded.length <= 64 ? lookup(db, decoded) : null;
	}
	return null;
}
