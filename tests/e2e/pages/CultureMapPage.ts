import type { Locator, Page } from '@playwright/test';
import type { ElementKind, Lens } from '../../../src/lib/domain/culture';
import { t, type Locale, type MessageKey } from '../messages';

/** Headings over the elements of a kind: "Looks like", "Boundaries", "Rituals", ... */
export const KIND_HEADINGS: Record<ElementKind, MessageKey> = {
	looks_like: 'kind_looks_like',
	sounds_like: 'kind_sounds_like',
	feels_like: 'kind_feels_like',
	boundary: 'kind_boundary_plural',
	ritual: 'kind_ritual_plural',
	hero: 'kind_hero_plural',
	signal: 'kind_signal_plural'
};

export const lensName = (lens: Lens, locale: Locale = 'en') => t(`lens_${lens}`, {}, locale);

/** /o/[orgId]/t/[teamId]/map: one lens of the map, values first, then the outer rings. */
export class CultureMapPage {
	/** The values section, with the form that adds one. */
	readonly values: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale = 'en'
	) {
		this.values = page.getByRole('region', { name: t('map_values', {}, locale), exact: true });
	}

	async goto(orgId: string, teamId: string, lens: Lens = 'current'): Promise<void> {
		await this.page.goto(`/o/${orgId}/t/${teamId}/map?lens=${lens}`);
	}

	/** The four lenses, as tabs. */
	lensTab(lens: Lens): Locator {
		return this.page
			.getByRole('navigation', { name: t('map_lenses', {}, this.locale) })
			.getByRole('link', { name: lensName(lens, this.locale) });
	}

	/** A value on the map, with everything shown under it. */
	value(name: string): Locator {
		return this.values
			.getByRole('listitem')
			.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
	}

	/** A field of the form that adds a value. */
	newValueField(field: 'name' | 'meaning'): Locator {
		const label = field === 'name' ? 'map_name' : 'map_value_meaning';
		return this.values.getByLabel(t(label, {}, this.locale), { exact: true });
	}

	/** The message shown with a field of that form (wired to it with aria-describedby). */
	newValueError(field: 'name' | 'meaning'): Locator {
		return this.page.locator(`#new-value-${field}-error`);
	}

	/** Fills in and sends the form that adds a value, ticking exactly `lenses`. */
	async addValue(value: { name: string; meaning?: string; lenses?: Lens[] }): Promise<void> {
		const add = t('map_add_value', {}, this.locale);
		const name = this.newValueField('name');
		// The form is folded away once the map has values.
		if (!(await name.isVisible())) {
			await this.values.getByText(add, { exact: true }).filter({ visible: true }).click();
		}
		await name.fill(value.name);
		await this.newValueField('meaning').fill(value.meaning ?? '');
		const lenses = value.lenses ?? ['current'];
		for (const lens of ['assumed', 'current', 'paradise', 'strategic'] as const) {
			await this.values
				.getByRole('checkbox', { name: lensName(lens, this.locale), exact: true })
				.setChecked(lenses.includes(lens));
		}
		await this.values.getByRole('button', { name: add }).click();
	}

	/** Controls only editors get: adding, moving, archiving, editing. */
	editControls(): Locator {
		return this.page.getByRole('main').getByRole('button').or(this.page.getByRole('textbox'));
	}
}
