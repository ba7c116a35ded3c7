import { forgetParticipant } from '../live/participants';
import { changeWorkshop } from '../live/rooms';
import { answersDrained } from '../live/votes';
import { withdrawParticipant } from '../workshops/queries';

/**
 * A participant takes back everything they gave: their votes, cards and upvotes go, the room's
 * counts and results are rebuilt without them, and their token stops working at once.
 */
export async function withdraw(workshopId: string, participantId: string): Promise<void> {
	forgetParticipant(participantId);
	// Answers of theirs still waiting for the group commit would otherwise land after the delete.
	await answersDrained();
	await changeWorkshop(workshopId, async (db) => {
		await withdrawParticipant(db, participantId);
		// A request that looked the token up in the meantime cached it again.
		forgetParticipant(participantId);
	});
}
