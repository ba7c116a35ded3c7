import type { Locator, Page } from '@playwright/test';
import { t } from '../messages';

/** /o/[orgId]/t/[teamId]/workshops: the team's workshops and the form for a new one. */
export class WorkshopListPage {
	readonly form: Locator;

	constructor(readonly page: Page) {
		this.form = page.locator('form[action="?/create"]');
	}

	async create(title: string, templateTitle: string | RegExp): Promise<void> {
		await this.form.getByLabel(t('workshop_field_title'), { exact: true }).fill(title);
		await this.form.getByLabel(templateTitle).check();
		await this.form.getByRole('button', { name: t('workshop_create_submit') }).click();
	}
}

/** A workshop's page: its join code and the agenda editor. */
export class WorkshopPage {
	readonly agenda: Locator;
	readonly joinCode: Locator;

	constructor(readonly page: Page) {
		this.agenda = page.locator('ol.agenda > li');
		this.joinCode = page.locator('.code-line code');
	}

	activity(title: string): Locator {
		return this.agenda.filter({
			has: this.page.getByRole('heading', { name: title, exact: true })
		});
	}

	/** Opens an activity's settings; the form inside it. */
	async edit(title: string): Promise<Locator> {
		const item = this.activity(title);
		await item.getByText(t('workshop_activity_edit', { title })).click();
		return item.locator('form[action="?/updateActivity"]');
	}
}
