/**
 * What may change in a workshop's agenda, and when. Before the start anything goes; once it
 * runs, the order stays (the facilitator's place in it is an index) and the activity on
 * screen stays as it is, but later ones may still be edited and new ones added at the end;
 * an ended workshop is a record and changes no more. Pure TypeScript.
 */
import { LIMITS, type WorkshopStatus } from './workshop';

export interface AgendaState {
	status: WorkshopStatus;
	/** The activity on screen (-1 while people join). */
	current: number;
	length: number;
}

/** Adding an activity at the end. */
export function canAddActivity(state: AgendaState): boolean {
	return state.status !== 'ended' && state.length < LIMITS.activities.max;
}

/** Removing activities or changing their order. */
export function canReshapeAgenda(state: AgendaState): boolean {
	return state.status === 'draft';
}

/** Changing the title, prompt or settings of the activity at `index`. */
export function canEditActivity(state: AgendaState, index: number): boolean {
	if (state.status === 'ended') return false;
	return state.status === 'draft' || index !== state.current;
}
