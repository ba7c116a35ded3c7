import type { APIRequestContext } from '@playwright/test';
import type { ElementKind, Lens } from '../../../src/lib/domain/culture';
import { newAccountDetails, signInContext, signUpByRequest, type Account } from '../accounts';
import { expect, test, waitForHydration } from '../fixtures';
import { t } from '../messages';
import { ComparePage } from '../pages/ComparePage';
import { CultureMapPage, KIND_HEADINGS, lensName } from '../pages/CultureMapPage';
import { MembersPage } from '../pages/MembersPage';
import { OrganisationPage } from '../pages/OrganisationPage';
import { SignUpPage } from '../pages/SignUpPage';
import { SiteHeader } from '../pages/SiteHeader';
import { ValuePage, type ElementWords } from '../pages/ValuePage';
import {
	createTeamByRequest,
	expectStatus,
	inviteByRequest,
	joinByRequest,
	postForm,
	requestAs,
	type RequestFactory
} from '../requests';

const KINDS: ElementKind[] = [
	'looks_like',
	'sounds_like',
	'feels_like',
	'boundary',
	'ritual',
	'hero',
	'signal'
];

/** Different words under each lens, so that each lens can be seen to show its own. */
function describeUnder(lens: Lens): Record<ElementKind, ElementWords> {
	const today = lens === 'current';
	return {
		looks_like: { text: today ? 'Tickets wait for the owner' : 'Whoever sees it, fixes it' },
		sounds_like: { text: today ? '"Not my job"' : '"I will take this one"' },
		feels_like: { text: today ? 'Careful, waiting' : 'Trusted to decide' },
		boundary: { text: today ? 'Blaming another team' : 'Fixing it silently, telling no one' },
		ritual: {
			name: today ? 'Monday status meeting' : 'Friday demo',
			text: 'Everyone shows what they finished.'
		},
		hero: { name: today ? 'The night-shift firefighter' : 'The engineer who automated it' },
		signal: { name: today ? 'Tickets bounce' : 'Names on the runbooks' }
	};
}

const shown = (words: ElementWords) => words.name ?? words.text ?? '';

test('a founder and an invited facilitator build a culture map under two lenses', async ({
	page,
	newContext
}) => {
	test.slow();
	const unique = newAccountDetails().email.split('@')[0].slice(-10);
	const teamName = `Platform ${unique}`;
	const valueName = `Ownership ${unique}`;

	// The founder signs up, which founds the organisation, and creates a team.
	const founder = newAccountDetails('founder');
	await new SignUpPage(page).signUp(founder);
	await expect(page).toHaveURL(/\/o\/[^/]+$/);
	const orgId = new URL(page.url()).pathname.split('/')[2];
	const organisation = new OrganisationPage(page);
	await organisation.createTeam(teamName);
	await expect(page).toHaveURL(new RegExp(`/o/${orgId}/t/[^/]+$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(teamName);

	// ... and invites a facilitator into it, by link.
	await organisation.nav.getByRole('link', { name: t('nav_members') }).click();
	const link = await new MembersPage(page).invite('facilitator', teamName);
	expect(link).toMatch(/\/invite\/[a-z0-9]+$/);

	// The facilitator opens the link in a browser of their own and signs up through it.
	const facilitatorPage = await (await newContext()).newPage();
	await facilitatorPage.goto(link);
	await expect(
		facilitatorPage.getByText(
			t('invite_lead', { org: founder.organisation, role: t('role_facilitator') })
		)
	).toBeVisible();
	await facilitatorPage.getByRole('link', { name: t('invite_sign_up') }).click();
	const facilitator = newAccountDetails('facilitator');
	const signUp = new SignUpPage(facilitatorPage);
	await expect(signUp.field('organisation')).toHaveCount(0);
	await signUp.fill({
		name: facilitator.name,
		email: facilitator.email,
		password: facilitator.password,
		confirm: facilitator.password
	});
	await signUp.submit();
	await signUp.signInAfterwards(facilitator);
	await expect(facilitatorPage).toHaveURL(`/o/${orgId}`);
	const theirs = new OrganisationPage(facilitatorPage);
	await expect(theirs.role).toHaveText(t('role_facilitator'));
	await expect(theirs.team(teamName)).toBeVisible();

	// They open the team's culture map and add a value under two lenses.
	await theirs.team(teamName).click();
	await expect(facilitatorPage.getByText(t('team_map_can_edit'))).toBeVisible();
	await facilitatorPage.getByRole('link', { name: t('team_map_open') }).click();
	const map = new CultureMapPage(facilitatorPage);
	// The value's page has lens tabs too: wait for the map before using its tabs.
	const backToMap = async () => {
		await facilitatorPage.getByRole('link', { name: t('map_back') }).click();
		await expect(facilitatorPage).toHaveURL(/\/map(\?|$)/);
	};
	await expect(map.lensTab('current')).toHaveAttribute('aria-current', 'page');
	await map.addValue({
		name: valueName,
		meaning: 'We finish what we start, and fix what we find.',
		lenses: ['current', 'strategic']
	});
	await expect(map.value(valueName)).toBeVisible();

	// On the value's page: behaviours of all three kinds, a boundary, a ritual, a hero and a
	// signal, under each of the two lenses.
	await map.value(valueName).getByRole('link', { name: valueName }).click();
	const value = new ValuePage(facilitatorPage);
	await expect(facilitatorPage.getByRole('heading', { level: 2 })).toContainText(valueName);
	for (const lens of ['current', 'strategic'] as const) {
		await value.showLens(lens);
		const words = describeUnder(lens);
		for (const kind of KINDS) await value.add(kind, words[kind]);
		await expect(value.lensTab(lens)).toContainText(String(KINDS.length));
	}

	// The overview of each lens shows the value with its own words, and not the other lens's.
	for (const [lens, other] of [
		['current', 'strategic'],
		['strategic', 'current']
	] as const) {
		await backToMap();
		await map.lensTab(lens).click();
		await expect(map.lensTab(lens)).toHaveAttribute('aria-current', 'page');
		const card = map.value(valueName);
		for (const kind of KINDS) {
			await expect(
				card.getByRole('heading', { name: t(KIND_HEADINGS[kind]), exact: true })
			).toBeVisible();
			await expect(card.getByText(shown(describeUnder(lens)[kind]), { exact: true })).toBeVisible();
			await expect(card.getByText(shown(describeUnder(other)[kind]), { exact: true })).toHaveCount(
				0
			);
		}
		await card.getByRole('link', { name: valueName }).click();
	}

	// Side by side: current and strategic culture.
	await backToMap();
	await facilitatorPage.getByRole('link', { name: t('map_compare_link') }).click();
	const compare = new ComparePage(facilitatorPage);
	await compare.compare('current', 'strategic');
	await expect(facilitatorPage).toHaveURL(/[?&]a=current&b=strategic$/);
	await expect(
		facilitatorPage.getByRole('link', { name: new RegExp(`^${t('map_gap_strategic')}`) })
	).toHaveAttribute('aria-current', 'page');
	const row = compare.value(valueName);
	for (const lens of ['current', 'strategic'] as const) {
		for (const kind of KINDS) {
			await expect(
				compare.side(row, lens).getByText(shown(describeUnder(lens)[kind]), { exact: true })
			).toBeVisible();
		}
	}

	// In Dutch, the map speaks Dutch; what the team wrote stays as written.
	await backToMap();
	await new SiteHeader(facilitatorPage).switchLanguage('nl');
	await expect(facilitatorPage.locator('html')).toHaveAttribute('lang', 'nl');
	const kaart = new CultureMapPage(facilitatorPage, 'nl');
	await expect(
		kaart.values.getByRole('heading', { name: t('map_values', {}, 'nl') })
	).toBeVisible();
	for (const lens of ['assumed', 'current', 'paradise', 'strategic'] as const) {
		await expect(kaart.lensTab(lens)).toHaveText(lensName(lens, 'nl'));
	}
	await expect(kaart.lensTab('strategic')).toHaveAttribute('aria-current', 'page');
	const card = kaart.value(valueName);
	for (const kind of KINDS) {
		await expect(
			card.getByRole('heading', { name: t(KIND_HEADINGS[kind], {}, 'nl'), exact: true })
		).toBeVisible();
		await expect(
			card.getByText(shown(describeUnder('strategic')[kind]), { exact: true })
		).toBeVisible();
	}
	await expect(
		facilitatorPage.getByRole('link', { name: t('map_compare_link', {}, 'nl') })
	).toBeVisible();

	// Signing out, in Dutch.
	const header = new SiteHeader(facilitatorPage);
	await header.signOut('nl');
	await expect(facilitatorPage).toHaveURL('/');
	await expect(header.signInLink('nl')).toBeVisible();
});

// ---------------------------------------------------------- maps made quickly, by request

interface Team {
	owner: Account;
	/** Requests as the owner. */
	asOwner: APIRequestContext;
	teamId: string;
	mapPath: string;
}

async function teamByRequest(factory: RequestFactory, origin: string): Promise<Team> {
	const anonymous = await requestAs(factory, origin);
	const owner = await signUpByRequest(anonymous, origin, newAccountDetails('map-owner'));
	await anonymous.dispose();
	const asOwner = await requestAs(factory, origin, { session: owner.sessionToken });
	const name = `Team ${owner.email.split('@')[0].slice(-8)}`;
	const teamId = await createTeamByRequest(asOwner, origin, owner.orgId, name);
	return { owner, asOwner, teamId, mapPath: `/o/${owner.orgId}/t/${teamId}/map` };
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a duplicate or too long value name is refused next to the field', async ({
			page,
			context,
			playwright,
			baseURL,
			expectAccessible
		}) => {
			const team = await teamByRequest(playwright.request, baseURL!);
			await team.asOwner.dispose();
			await signInContext(context, baseURL!, team.owner);
			await page.goto(team.mapPath);
			const map = new CultureMapPage(page);
			const name = map.newValueField('name');
			// An editor has the controls a viewer must not (see the viewer's test below).
			await expect(map.editControls().first()).toBeVisible();

			// 81 characters. The browser stops at 80, so the limit is taken off the field: the
			// server must hold the line against anything else that posts. (After hydration, which
			// would put the attribute back.)
			if (javaScriptEnabled) await waitForHydration(page);
			await expect(name).toHaveAttribute('maxlength', '80');
			await name.evaluate((input) => input.removeAttribute('maxlength'));
			await map.addValue({ name: 'x'.repeat(81), meaning: 'Too long a name' });
			const tooLong = t('error_too_long', { limit: 80 });
			await expect(map.newValueError('name')).toHaveText(tooLong);
			await expect(name).toHaveAttribute('aria-invalid', 'true');
			await expect(name).toHaveAccessibleDescription(tooLong);
			// What was typed is kept, so that it can be corrected.
			await expect(map.newValueField('meaning')).toHaveValue('Too long a name');
			await expect(map.values.getByRole('listitem')).toHaveCount(0);
			await expectAccessible(page);

			// 80 is allowed.
			await map.addValue({ name: 'y'.repeat(80) });
			await expect(map.value('y'.repeat(80))).toBeVisible();

			// A name the team has already: names compare without case or surrounding spaces.
			await map.addValue({ name: 'Craftsmanship' });
			await expect(map.value('Craftsmanship')).toBeVisible();
			await map.addValue({ name: '  craftsmanship ', meaning: 'Again?' });
			await expect(map.newValueError('name')).toHaveText(t('error_duplicate'));
			await expect(name).toHaveAttribute('aria-invalid', 'true');
			await expect(name).toHaveAccessibleDescription(t('error_duplicate'));
			await expect(map.newValueField('meaning')).toHaveValue('Again?');
			await expect(map.values.getByRole('heading', { name: /craftsmanship/i })).toHaveCount(1);
			await expectAccessible(page);
		});
	});
}

test('a viewer reads the map and finds no way to change it', async ({
	page,
	context,
	playwright,
	baseURL
}) => {
	const origin = baseURL!;
	const team = await teamByRequest(playwright.request, origin);
	const made = await postForm(team.asOwner, origin, `${team.mapPath}?/createValue`, {
		name: 'Candour',
		meaning: 'We say what we see.',
		lens_current: 'on'
	});
	expectStatus(made, 200, 'creating a value');
	const ritual = await postForm(team.asOwner, origin, `${team.mapPath}?/createElement`, {
		lens: 'current',
		kind: 'ritual',
		name: 'Open retrospective'
	});
	expectStatus(ritual, 200, 'creating a ritual');
	const token = await inviteByRequest(team.asOwner, origin, team.owner.orgId, 'viewer');
	await team.asOwner.dispose();
	const viewer = await joinByRequest(playwright.request, origin, token);
	await signInContext(context, origin, viewer);

	await page.goto(`/o/${viewer.orgId}/t/${team.teamId}`);
	await expect(page.getByText(t('team_map_read_only'))).toBeVisible();
	await page.getByRole('link', { name: t('team_map_open') }).click();

	const map = new CultureMapPage(page);
	await expect(map.value('Candour')).toContainText('We say what we see.');
	await expect(page.getByText('Open retrospective', { exact: true })).toBeVisible();
	await expect(map.editControls()).toHaveCount(0);
	await expect(page.getByText(t('map_add_value'))).toHaveCount(0);
	await expect(page.getByText(t('kind_ritual_add'))).toHaveCount(0);
	await expect(page.getByText(t('map_show_archived'))).toHaveCount(0);

	await map.value('Candour').getByRole('link', { name: 'Candour' }).click();
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Candour');
	await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
	await expect(page.getByRole('textbox')).toHaveCount(0);
	await expect(page.getByText(t('map_value_edit_title'))).toHaveCount(0);
	await expect(page.getByText(t('kind_looks_like_add'))).toHaveCount(0);
});
