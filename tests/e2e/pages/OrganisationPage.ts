import type { Locator, Page } from '@playwright/test';

/** /o/[orgId]: the organisation bar (name, your role, its navigation) and its teams. */
export class OrganisationPage {
	readonly name: Locator;
	readonly role: Locator;

	constructor(readonly page: Page) {
		this.name = page.locator('.org-name strong');
		this.role = page.locator('.org-name .badge');
	}

	async goto(orgId: string): Promise<void> {
		await this.page.goto(`/o/${orgId}`);
	}
}
