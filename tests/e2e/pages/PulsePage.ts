import type { Locator, Page } from '@playwright/test';
import { t, type Locale } from '../messages';

/** /pulse/[code]: what a respondent sees, on a phone or anywhere, without an account. */
export class PulsePage {
	constructor(
		readonly page: Page,
		readonly locale: Locale = 'en'
	) {}

	questions(): Locator {
		return this.page.locator('fieldset.question');
	}

	/** Picks a score per question, in order, writes the open answer, and sends. */
	async answer(scores: number[], open = ''): Promise<void> {
		for (const [i, score] of scores.entries()) {
			await this.questions()
				.nth(i)
				.getByRole('radio', { name: new RegExp(`^${score}\\b`) })
				.check();
		}
		if (open) await this.page.locator('#pulse-open').fill(open);
		await this.submit().click();
	}

	submit(): Locator {
		return this.page.getByRole('main').locator('form button[type="submit"]');
	}

	thanks(): Locator {
		return this.page.getByText(t('follow_pulse_thanks', {}, this.locale));
	}
}
