import { signInContext, signUpByRequest } from '../accounts';
import { expect, test } from '../fixtures';
import { t } from '../messages';

/**
 * The test server runs without SMTP_URL: no reminder is ever sent, and the organisation's
 * settings say so (src/lib/server/reminders; the mails themselves are tested against a real
 * SMTP server in src/lib/server/reminders/reminders.test.ts).
 */
test('without a mail server, the settings say reminders are off', async ({
	page,
	request,
	baseURL
}) => {
	const owner = await signUpByRequest(request, baseURL!);
	await signInContext(page.context(), baseURL!, owner);
	await page.goto(`/o/${owner.orgId}/settings`);
	const reminders = page.getByRole('region', { name: t('settings_reminders_title') });
	await expect(reminders).toContainText(t('settings_reminders_off'));
	await expect(reminders).not.toContainText(t('settings_reminders_pulses'));
});
