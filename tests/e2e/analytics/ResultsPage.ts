import type { Download, Locator, Page } from '@playwright/test';
import { t, type Locale } from '../messages';

/** /o/[orgId]/t/[teamId]/workshops/[workshopId]/results (and its report). */
export class ResultsPage {
	constructor(
		readonly page: Page,
		readonly locale: Locale = 'en'
	) {}

	heading(title: string): Locator {
		return this.page.getByRole('heading', {
			name: t('analytics_results_of', { title }, this.locale)
		});
	}

	/** A chart by its caption: the drawing, labelled for screen readers. */
	chart(caption: string): Locator {
		return this.page.getByRole('img', {
			name: t('analytics_chart_label', { caption }, this.locale)
		});
	}

	/** Opens the table behind a chart (its text alternative), found by the chart's caption. */
	async showTable(caption: string): Promise<void> {
		await this.page
			.getByRole('figure', { name: caption, exact: true })
			.getByText(t('analytics_show_table', {}, this.locale))
			.click();
	}

	/** A table by its caption. */
	table(caption: string): Locator {
		return this.page.getByRole('table', { name: caption, exact: true });
	}

	/** A row of a table, by the header cell that starts it. */
	row(table: Locator, name: string): Locator {
		return table
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
	}

	tooFew(min: number, n: number): Locator {
		return this.page.getByText(t('analytics_too_few', { min, n }, this.locale));
	}

	/** Clicks a download link of the page: `csv` or `json` of aggregates, answers or texts. */
	async download(
		kind: 'aggregates' | 'answers' | 'texts',
		format: 'CSV' | 'JSON'
	): Promise<Download> {
		const label = {
			aggregates: 'analytics_download_aggregates',
			answers: 'analytics_download_answers',
			texts: 'texts_download'
		} as const;
		const item = this.page
			.getByRole('listitem')
			.filter({ hasText: t(label[kind], {}, this.locale) });
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			item.getByRole('link', { name: format, exact: true }).click()
		]);
		return download;
	}
}
