import { expect, type Locator, type Page } from '@playwright/test';
import type { ElementKind, Lens } from '../../../src/lib/domain/culture';
import { t, type Locale } from '../messages';
import { KIND_HEADINGS, lensName } from './CultureMapPage';

/** What an element says: a name (rituals, heroes, signals) and a text (everything else). */
export interface ElementWords {
	name?: string;
	text?: string;
}

const NAMED: ElementKind[] = ['ritual', 'hero', 'signal'];

/** /o/[orgId]/t/[teamId]/map/values/[valueId]: one value under one lens, kind by kind. */
export class ValuePage {
	constructor(
		readonly page: Page,
		readonly locale: Locale = 'en'
	) {}

	lensTab(lens: Lens): Locator {
		return this.page
			.getByRole('navigation', { name: t('map_lenses', {}, this.locale) })
			.getByRole('link', { name: new RegExp(`^${lensName(lens, this.locale)}\\b`) });
	}

	async showLens(lens: Lens): Promise<void> {
		await this.lensTab(lens).click();
		await expect(this.lensTab(lens)).toHaveAttribute('aria-current', 'page');
	}

	/** The part of the page about one kind of element. */
	kind(kind: ElementKind): Locator {
		return this.page.getByRole('region', {
			name: t(KIND_HEADINGS[kind], {}, this.locale),
			exact: true
		});
	}

	/** Adds an element of `kind` under the lens shown, and waits until it is listed. */
	async add(kind: ElementKind, words: ElementWords): Promise<void> {
		const section = this.kind(kind);
		// Each element listed has a folded edit form with the same labels: use the one in view.
		const field = (label: string) =>
			section.getByLabel(label, { exact: true }).filter({ visible: true });
		const first = NAMED.includes(kind)
			? field(t('map_name', {}, this.locale))
			: field(t(`kind_${kind}`, {}, this.locale));
		if (!(await first.isVisible())) {
			await section.getByText(t(`kind_${kind}_add`, {}, this.locale), { exact: true }).click();
		}
		if (NAMED.includes(kind)) {
			await first.fill(words.name ?? '');
			const description = `${t('map_description', {}, this.locale)} (${t('common_optional', {}, this.locale)})`;
			await field(description).fill(words.text ?? '');
		} else {
			await first.fill(words.text ?? '');
		}
		await section.getByRole('button', { name: t('common_save', {}, this.locale) }).click();
		await expect(section.getByText(words.name ?? words.text ?? '', { exact: true })).toBeVisible();
	}
}
