import type { Locale } from '$lib/paraglide/runtime';
import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			user: SessionUser | null;
			session: Session | null;
		}
	}
}

export {};
