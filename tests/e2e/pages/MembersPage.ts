import type { Page } from '@playwright/test';
import type { Role } from '../../../src/lib/domain/culture';
import { t } from '../messages';

/** /o/[orgId]/members: the people of the organisation, and (for owners) invitations. */
export class MembersPage {
	constructor(readonly page: Page) {}

	async goto(orgId: string): Promise<void> {
		await this.page.goto(`/o/${orgId}/members`);
	}

	/** Creates an invitation link for `role`, optionally into a team, and returns the link. */
	async invite(role: Role, teamName?: string): Promise<string> {
		// Each choice is labelled with the role's name followed by what the role may do.
		await this.page.getByRole('radio', { name: new RegExp(`^${t(`role_${role}`)}\\b`) }).check();
		if (teamName) {
			await this.page
				.getByRole('combobox', { name: t('members_invite_team') })
				.selectOption({ label: teamName });
		}
		await this.page.getByRole('button', { name: t('members_invite_submit') }).click();
		const link = this.page.getByRole('textbox', { name: t('invite_link_label') });
		await link.waitFor();
		return link.inputValue();
	}
}
