import { describe, expect, it } from 'vitest';
import {
	commitmentReminder,
	mailLanguage,
	pulseAnnouncementOwed,
	REMINDER_RULES,
	retryAt
} from './reminders';

const today = '2026-12-07';

describe('commitment reminders', () => {
	it('are owed on the due day, then as overdue for a week, and only while open', () => {
		expect(commitmentReminder({ status: 'open', dueOn: today }, today)).toBe('commitment_due');
		expect(commitmentReminder({ status: 'open', dueOn: '2026-12-06' }, today)).toBe(
			'commitment_overdue'
		);
		expect(commitmentReminder({ status: 'open', dueOn: '2026-11-30' }, today)).toBe(
			'commitment_overdue'
		);
		expect(commitmentReminder({ status: 'open', dueOn: '2026-11-29' }, today)).toBeNull();
		expect(commitmentReminder({ status: 'open', dueOn: '2026-12-08' }, today)).toBeNull();
		expect(commitmentReminder({ status: 'done', dueOn: today }, today)).toBeNull();
		expect(commitmentReminder({ status: 'dropped', dueOn: '2026-12-06' }, today)).toBeNull();
	});
});

describe('pulse announcements', () => {
	it('are owed while the pulse is open and opened at most a week ago', () => {
		expect(pulseAnnouncementOwed({ opensOn: today, closesOn: today }, today)).toBe(true);
		expect(pulseAnnouncementOwed({ opensOn: '2026-11-30', closesOn: '2026-12-20' }, today)).toBe(
			true
		);
		expect(pulseAnnouncementOwed({ opensOn: '2026-11-29', closesOn: '2026-12-20' }, today)).toBe(
			false
		);
		expect(pulseAnnouncementOwed({ opensOn: '2026-12-08', closesOn: '2026-12-20' }, today)).toBe(
			false
		);
		expect(pulseAnnouncementOwed({ opensOn: '2026-12-01', closesOn: '2026-12-06' }, today)).toBe(
			false
		);
	});
});

describe('retries', () => {
	it('wait longer each time and stop after the last try', () => {
		const now = new Date('2026-12-07T09:00:00Z');
		expect(retryAt(1, now)?.toISOString()).toBe('2026-12-07T09:05:00.000Z');
		expect(retryAt(2, now)?.toISOString()).toBe('2026-12-07T09:30:00.000Z');
		expect(retryAt(3, now)?.toISOString()).toBe('2026-12-07T11:00:00.000Z');
		expect(retryAt(REMINDER_RULES.maxAttempts, now)).toBeNull();
	});
});

describe('the language of a mail', () => {
	it("is the account's when it has one, else the team's", () => {
		expect(mailLanguage(null, 'nl')).toBe('nl');
		expect(mailLanguage(undefined, 'en')).toBe('en');
		expect(mailLanguage('en', 'nl')).toBe('en');
	});
});
