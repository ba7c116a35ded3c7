import type { Component } from 'svelte';
import type { PerKind } from '$lib/domain/activity-kinds';
import type { Pace } from '$lib/domain/workshop';
import type { PublicActivity, Results, StaffCardWall } from '$lib/server/live/events';
import type { ActionData, PageData } from './$types';

/** What the console hands the panel of the current activity (each panel takes what it needs). */
export interface PanelProps {
	activity: PublicActivity;
	pace: Pace;
	results: Results | null;
	wall: StaffCardWall | null;
	data: PageData;
	form: ActionData;
}

/** The console's panel for each activity kind: a kind without one fails `npm run check`. */
export type Panels = PerKind<Component<PanelProps>>;
