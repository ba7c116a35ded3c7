import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { database } from '$lib/server/db';
import { i18n } from './hooks/i18n';
import { securityHeaders } from './hooks/security';
import { session } from './hooks/session';

/** Creates and migrates the database before the first request is served. */
export const init: ServerInit = async () => {
	await database();
};

export const handle = sequence(securityHeaders, i18n, session);
