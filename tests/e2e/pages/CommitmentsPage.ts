import type { Locator, Page } from '@playwright/test';
import { t } from '../messages';

/** /o/[orgId]/t/[teamId]/commitments and one commitment's page under it. */
export class CommitmentsPage {
	constructor(readonly page: Page) {}

	async goto(teamPath: string): Promise<void> {
		await this.page.goto(`${teamPath}/commitments`);
	}

	/** The commitments list, one row per commitment. */
	list(): Locator {
		return this.page.getByRole('region', { name: t('follow_commitments_title') });
	}

	row(action: string): Locator {
		return this.list().getByRole('row').filter({ hasText: action });
	}

	teamRate(): Locator {
		return this.page.getByRole('region', { name: t('follow_rate_title') }).locator('.big-number');
	}

	newForm(): Locator {
		return this.page.getByRole('region', { name: t('follow_new_title') });
	}

	checkins(): Locator {
		return this.page
			.getByRole('region', { name: t('follow_checkins_title') })
			.getByRole('listitem');
	}

	checkinForm(): Locator {
		return this.page.getByRole('region', { name: t('follow_checkin_title') });
	}

	async checkIn(did: string): Promise<void> {
		await this.page.getByLabel(t('follow_field_did')).fill(did);
		await this.button('follow_checkin_submit').click();
	}

	button(key: Parameters<typeof t>[0]): Locator {
		return this.page.getByRole('button', { name: t(key), exact: true });
	}
}
