import type { Locator, Page } from '@playwright/test';
import { t, type Locale } from '../messages';

/** The bar on every page: who is signed in, sign in/out, and the language switch. */
export class SiteHeader {
	readonly root: Locator;

	constructor(readonly page: Page) {
		this.root = page.locator('header.site');
	}

	signedInAs(name: string, locale: Locale = 'en'): Locator {
		return this.root.getByText(t('nav_signed_in_as', { name }, locale));
	}

	signInLink(locale: Locale = 'en'): Locator {
		return this.root.getByRole('link', { name: t('nav_sign_in', {}, locale) });
	}

	async signOut(locale: Locale = 'en'): Promise<void> {
		await this.root.getByRole('button', { name: t('nav_sign_out', {}, locale) }).click();
	}

	/** The button that switches to `locale`; each is labelled in its own language. */
	languageButton(locale: Locale): Locator {
		return this.root.getByRole('button', { name: t(`lang_${locale}`) });
	}

	async switchLanguage(locale: Locale): Promise<void> {
		await this.languageButton(locale).click();
	}
}
