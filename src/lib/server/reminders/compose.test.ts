import { describe, expect, it } from 'vitest';
import { commitmentMail, pulseMail } from './compose';

const pulse = {
	recipientName: 'Joost',
	teamName: 'Zorg',
	opensOn: '2026-12-07',
	closesOn: '2026-12-13',
	verified: false,
	link: 'https://culture.example.org/pulse/abc'
};

describe('the texts of the reminders', () => {
	it("tell a verified pulse's team that answering needs a printed code, in the team's language", () => {
		expect(pulseMail(pulse, 'nl').text).not.toContain('eenmalige code');
		const verified = pulseMail({ ...pulse, verified: true }, 'nl');
		expect(verified.subject).toBe('Pulsmeting voor Zorg: open tot 13 december 2026');
		expect(verified.text).toContain('geprinte eenmalige codes');
		expect(pulseMail({ ...pulse, verified: true }, 'en').text).toContain('printed one-time codes');
	});

	it('keep a subject on one line whatever the commitment says', () => {
		const mail = commitmentMail(
			'commitment_due',
			{
				recipientName: 'Lena',
				teamName: 'Support',
				action: 'Open every retro\nwith what went well',
				valueName: 'Candour',
				dueOn: '2026-12-07',
				link: 'https://culture.example.org/o/1/t/2/commitments/3'
			},
			'en'
		);
		expect(mail.subject).toBe('Due today: Open every retro with what went well');
		expect(mail.text).toContain('https://culture.example.org/o/1/t/2/commitments/3');
	});
});
