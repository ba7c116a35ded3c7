import type { Locator, Page } from '@playwright/test';
import type { Lens } from '../../../src/lib/domain/culture';
import { t, type Locale } from '../messages';
import { lensName } from './CultureMapPage';

/** /o/[orgId]/t/[teamId]/map/compare: two lenses side by side, value by value. */
export class ComparePage {
	constructor(
		readonly page: Page,
		readonly locale: Locale = 'en'
	) {}

	async compare(first: Lens, second: Lens): Promise<void> {
		await this.page
			.getByLabel(t('map_compare_first', {}, this.locale))
			.selectOption({ label: lensName(first, this.locale) });
		await this.page
			.getByLabel(t('map_compare_second', {}, this.locale))
			.selectOption({ label: lensName(second, this.locale) });
		await this.page.getByRole('button', { name: t('map_compare_submit', {}, this.locale) }).click();
	}

	/** One value's row: its name, and what it holds under each of the two lenses. */
	value(name: string): Locator {
		return this.page
			.getByRole('listitem')
			.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
	}

	/** The side of a row (or of the page) that shows `lens`. */
	side(row: Locator, lens: Lens): Locator {
		return row.getByRole('region', { name: lensName(lens, this.locale), exact: true });
	}
}
