import type { Locator, Page } from '@playwright/test';
import { t } from '../messages';

/** /o/[orgId]: the organisation bar (name, your role, its navigation) and its teams. */
export class OrganisationPage {
	readonly name: Locator;
	readonly role: Locator;
	readonly nav: Locator;

	constructor(readonly page: Page) {
		this.name = page.locator('.org-name strong');
		this.role = page.locator('.org-name .badge');
		this.nav = page.getByRole('navigation', { name: t('nav_organisation') });
	}

	async goto(orgId: string): Promise<void> {
		await this.page.goto(`/o/${orgId}`);
	}

	/** Creates a team with the form under the list; the app then shows the team's page. */
	async createTeam(name: string): Promise<void> {
		await this.page.getByLabel(t('org_team_name'), { exact: true }).fill(name);
		await this.page.getByRole('button', { name: t('common_create') }).click();
	}

	team(name: string): Locator {
		return this.page.getByRole('main').getByRole('link', { name, exact: true });
	}
}
