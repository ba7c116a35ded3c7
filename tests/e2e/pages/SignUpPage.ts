import { expect, type Locator, type Page } from '@playwright/test';
import { SIGNED_UP, type AccountDetails } from '../accounts';
import { t } from '../messages';
import { SignInPage } from './SignInPage';

type SignUpField = 'name' | 'email' | 'password' | 'confirm' | 'organisation';

const LABELS = {
	name: 'auth_name',
	email: 'auth_email',
	password: 'auth_password',
	confirm: 'auth_confirm',
	organisation: 'auth_organisation'
} as const;

export class SignUpPage {
	constructor(readonly page: Page) {}

	async goto(): Promise<void> {
		await this.page.goto('/signup');
	}

	/** The input, found by its label, as a screen reader user would. */
	field(name: SignUpField): Locator {
		return this.page.getByLabel(t(LABELS[name]), { exact: true });
	}

	/** The message shown with the field (wired to it through aria-describedby). */
	fieldError(name: SignUpField): Locator {
		return this.page.locator(`#field-${name}-error`);
	}

	async fill(values: Partial<Record<SignUpField, string>>): Promise<void> {
		for (const [name, value] of Object.entries(values) as [SignUpField, string][]) {
			await this.field(name).fill(value);
		}
	}

	async submit(): Promise<void> {
		await this.page.getByRole('button', { name: t('auth_submit_sign_up') }).click();
	}

	/**
	 * Signs up and then in: the sign-up answers the same for a new address as for a taken one,
	 * so it ends on the sign-in page, saying so.
	 */
	async signUp(details: AccountDetails): Promise<void> {
		await this.goto();
		await this.fill({ ...details, confirm: details.password });
		await this.submit();
		await this.signInAfterwards(details);
	}

	async signInAfterwards(details: { email: string; password: string }): Promise<void> {
		await expect(this.page).toHaveURL(SIGNED_UP);
		await expect(this.page.getByText(t('auth_signed_up'))).toBeVisible();
		await new SignInPage(this.page).signIn(details.email, details.password);
	}
}
