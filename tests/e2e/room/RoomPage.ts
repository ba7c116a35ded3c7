import type { Locator, Page } from '@playwright/test';
import { t, type Locale } from '../messages';

/** /join and /w/[workshopId]: what a participant sees on their phone. */
export class RoomPage {
	constructor(
		readonly page: Page,
		readonly locale: Locale = 'en'
	) {}

	/** The join form on /join (or /join/CODE from the QR code). */
	async join(code: string | null, nickname = ''): Promise<void> {
		if (code !== null) await this.page.getByLabel(t('room_join_code', {}, this.locale)).fill(code);
		if (nickname) {
			await this.page.getByLabel(t('room_join_nickname', {}, this.locale)).fill(nickname);
		}
		await this.page
			.getByRole('button', { name: t('room_join_submit', {}, this.locale), exact: true })
			.click();
	}

	heading(): Locator {
		return this.page.getByRole('heading', { level: 1 });
	}

	/** The live status in the header: "Live" once the stream is open. */
	live(): Locator {
		return this.page.getByRole('banner').getByText(t('room_live_open', {}, this.locale));
	}

	cardText(): Locator {
		return this.page.locator('#card-text');
	}

	ownCards(): Locator {
		return this.page
			.getByRole('region', { name: t('room_own_cards', {}, this.locale) })
			.getByRole('listitem');
	}

	/** The rating question about `value` under a lens, as its fieldset. */
	ratingOf(question: string): Locator {
		return this.page.getByRole('group', { name: question });
	}

	/** The radio of `score` in a rating group (the visible face is a label). */
	score(group: Locator, score: number): Locator {
		return group.getByRole('radio', { name: new RegExp(`^${score}\\b`) });
	}

	spendInput(valueName: string): Locator {
		return this.page.getByRole('spinbutton', { name: valueName, exact: true });
	}

	button(key: Parameters<typeof t>[0]): Locator {
		return this.page.getByRole('button', { name: t(key, {}, this.locale), exact: true });
	}

	results(): Locator {
		return this.page.getByRole('region', { name: t('room_results_title', {}, this.locale) });
	}

	board(): Locator {
		return this.page.getByRole('region', { name: t('room_board_title', {}, this.locale) });
	}

	async withdraw(): Promise<void> {
		await this.page
			.locator('summary', { hasText: t('room_withdraw_title', {}, this.locale) })
			.click();
		await this.page.getByLabel(t('room_withdraw_confirm', {}, this.locale)).check();
		await this.button('room_withdraw_submit').click();
	}
}
