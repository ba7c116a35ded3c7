import type { Locator, Page } from '@playwright/test';
import { t } from '../messages';

export class SignInPage {
	/** The message about the form as a whole (wrong password, throttled), above its fields. */
	readonly formError: Locator;

	constructor(readonly page: Page) {
		this.formError = page.locator('#signin-error');
	}

	async goto(): Promise<void> {
		await this.page.goto('/signin');
	}

	async signIn(email: string, password: string): Promise<void> {
		await this.page.getByLabel(t('auth_email'), { exact: true }).fill(email);
		await this.page.getByLabel(t('auth_password'), { exact: true }).fill(password);
		await this.page.getByRole('button', { name: t('auth_submit_sign_in') }).click();
	}
}
