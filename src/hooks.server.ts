import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { database } from '$lib/server/db';
import { registerLeanPath } from '$lib/server/live/lean';
import { startReminders } from '$lib/server/reminders/scheduler';
import { registerSecurityHeaders } from '$lib/server/security-headers';
import { i18n } from './hooks/i18n';
import { securityHeaders } from './hooks/security';
import { session } from './hooks/session';
import { sharedLinkHeaders } from './hooks/share';

/**
 * Creates and migrates the database before the first request is served, and offers the lean
 * path (participants' answers and streams) to scripts/serve.js (src/lib/server/live/lean.ts),
 * with the security headers it puts on the responses the hooks never see; starts the reminders
 * by e-mail when a mail server is set (src/lib/server/reminders/scheduler.ts).
 */
export const init: ServerInit = async () => {
	await database();
	registerLeanPath();
	registerSecurityHeaders();
	startReminders();
};

export const handle = sequence(sharedLinkHeaders, securityHeaders, i18n, session);
