import { getContext, setContext } from 'svelte';

/** What the room's header shows of the page's live connection (the page owns the connection). */
export class RoomStatus {
	text = $state<string | null>(null);
	on = $state(false);
}

const KEY = Symbol('room-status');

export const provideRoomStatus = () => setContext(KEY, new RoomStatus());
export const roomStatus = () => getContext<RoomStatus | undefined>(KEY);
