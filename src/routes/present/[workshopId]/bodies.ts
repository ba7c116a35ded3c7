import type { Component } from 'svelte';
import type { PerKind } from '$lib/domain/activity-kinds';
import type { Pace } from '$lib/domain/workshop';
import type { CardWall, Counts, PublicActivity, Results } from '$lib/server/live/events';

/** What the projector hands the body of the current activity (each takes what it needs). */
export interface BodyProps {
	activity: PublicActivity;
	pace: Pace;
	counts: Counts;
	results: Results | null;
	wall: CardWall | null;
	minGroupSize: number;
	workshopId: string;
}

/**
 * The projector's body for each activity kind, or null when the title and prompt are all it
 * shows: a kind left out fails `npm run check`.
 */
export type Bodies = PerKind<Component<BodyProps> | null>;
