import { signInContext } from '../accounts';
import { expect, test } from '../fixtures';
import { followTeam } from '../follow/setup';
import { t } from '../messages';
import { expectStatus, postForm } from '../requests';
import { RoomPage } from '../room/RoomPage';

/**
 * Moderation of the outsider voice (issue 11, item 5): with posts held, a phone's post reaches
 * the projector and the other phones only once the facilitator approved it, while its writer's
 * phone shows it waiting; a starred post fills the projector; posts marked answered are marked
 * on the phones. And an anonymous board post answered by staff shows the answer on the device
 * that wrote it, and on no other.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SCREEN = { width: 1920, height: 1080 };
const SHOTS = process.env.SCREENSHOTS_DIR;

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('held posts wait for approval; star and answered reach projector and phones', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	// Three people write posts: enough for them to land on the team's board at the end.
	const team = await followTeam(playwright.request, baseURL!, ['Candour'], { minGroupSize: 3 });
	const created = await postForm(team.asOwner, team.origin, `${team.teamPath}/workshops?/create`, {
		title: 'Customer day',
		template: 'blank'
	});
	expectStatus(created, 303, 'creating the workshop');
	const workshopUrl = created.location;
	const workshopId = workshopUrl.split('/').pop()!;
	const added = await postForm(team.asOwner, team.origin, `${workshopUrl}?/addActivity`, {
		kind: 'outsider'
	});
	expect(added.status).toBeLessThan(400);

	await page.setViewportSize(SCREEN);
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`${workshopUrl}/console`);
	const code = (await page.locator('code').first().textContent())!.trim();
	await page.getByRole('button', { name: t('console_start') }).click();
	await expect(page.getByText(t('workshop_status_live'), { exact: true })).toBeVisible();
	const moderation = page.getByTestId('moderation');
	await expect(moderation).toContainText(t('console_moderation_hold_off'));
	await moderation.getByRole('button', { name: t('console_moderation_hold_enable') }).click();
	await expect(moderation).toContainText(t('console_moderation_hold_on'));

	const projector = await page.context().newPage();
	await projector.setViewportSize(SCREEN);
	await projector.goto(`/present/${workshopId}`);
	await expect(projector.getByTestId('join-code')).toHaveText(code);

	const phones: RoomPage[] = [];
	for (const name of ['Ann', 'Bea', 'Cas']) {
		const phone = new RoomPage(await (await newContext(PHONE)).newPage());
		await phone.page.goto(`/join/${code}`);
		await phone.join(null, name);
		await expect(phone.heading()).toHaveText(t('room_waiting_title'));
		phones.push(phone);
	}
	const [writer, reader, third] = phones;

	await page.getByRole('button', { name: t('console_first_activity') }).click();
	const title = t('workshop_kind_outsider');
	await expect(projector.getByRole('heading', { name: title })).toBeVisible();
	// The outsider board is on the projector once revealed.
	await page.getByRole('button', { name: t('console_reveal') }).click();
	await expect(projector.getByText(t('present_no_cards'))).toBeVisible();

	// The writer posts: their phone shows it waiting, nobody else sees it.
	const held = 'Your invoices take a week to arrive';
	await expect(writer.heading()).toHaveText(title);
	await expect(writer.page.getByText(t('room_posts_held_hint'))).toBeVisible();
	await writer.cardText().fill(held);
	await writer.button('room_post_add').click();
	const waiting = writer.page.getByRole('region', { name: t('room_posts_waiting_title') });
	await expect(waiting).toContainText(held);
	await expect(waiting).toContainText(t('room_post_waiting'));
	const queue = moderation.getByRole('list', { name: t('console_moderation_waiting', { n: 1 }) });
	await expect(queue).toContainText(held);
	await expect(projector.getByText(held)).toHaveCount(0);
	await expect(reader.page.getByText(held)).toHaveCount(0);
	await expect(projector.getByText(t('present_no_cards'))).toBeVisible();

	// A second post, rejected: it never reaches the room.
	const rude = 'The manager in room 4 is useless';
	await writer.cardText().fill(rude);
	await writer.button('room_post_add').click();
	await expect(waiting).toContainText(rude);
	await expect(
		moderation.getByRole('list', { name: t('console_moderation_waiting', { n: 2 }) })
	).toContainText(rude);
	if (SHOTS) {
		await moderation.screenshot({ path: `${SHOTS}/console-moderation-held.png` });
		await page.screenshot({ path: `${SHOTS}/console-held.png` });
	}
	await moderation
		.getByRole('button', { name: t('console_moderation_reject_named', { text: rude }) })
		.click();
	await expect(moderation.getByText(rude)).toHaveCount(0);
	// The writer's phone hears of the decision without reloading.
	await expect(waiting.getByRole('listitem').filter({ hasText: rude })).toContainText(
		t('room_post_rejected')
	);

	// Approved: on the projector and the other phone, and off the writer's waiting list.
	await moderation
		.getByRole('button', { name: t('console_moderation_approve_named', { text: held }) })
		.click();
	await expect(projector.getByText(held)).toBeVisible();
	await expect(reader.page.getByText(held)).toBeVisible();
	await expect(writer.page.getByRole('listitem').filter({ hasText: held })).toContainText(
		t('room_own_post')
	);
	await expect(projector.getByText(rude)).toHaveCount(0);
	await expect(reader.page.getByText(rude)).toHaveCount(0);

	// Without holding, a post reaches the room at once.
	await moderation.getByRole('button', { name: t('console_moderation_hold_disable') }).click();
	await expect(moderation).toContainText(t('console_moderation_hold_off'));
	const idea = 'A ticket portal would help';
	await reader.page.reload();
	await reader.cardText().fill(idea);
	await reader.button('room_post_add').click();
	await expect(projector.getByText(idea)).toBeVisible();
	await expect(writer.page.getByText(idea)).toBeVisible();
	const coffee = 'Great coffee at the front desk';
	await third.cardText().fill(coffee);
	await third.button('room_post_add').click();
	await expect(projector.getByText(coffee)).toBeVisible();

	// Star: the post fills the projector; unstarred, the wall is back.
	await moderation
		.getByRole('button', { name: t('console_moderation_star_named', { text: held }) })
		.click();
	const starred = projector.getByTestId('starred-post');
	await expect(starred).toContainText(held);
	await expect(starred).toContainText(t('present_starred'));
	await expect(projector.getByText(idea)).toHaveCount(0);
	await expect(moderation.getByText(`★ ${t('console_moderation_starred')}`)).toBeVisible();
	if (SHOTS) {
		await projector.screenshot({ path: `${SHOTS}/outsider-starred.png` });
	}

	// Answered: the phones mark it and list it after the open posts.
	await moderation
		.getByRole('button', { name: t('console_moderation_mark_answered_named', { text: held }) })
		.click();
	const posts = reader.page
		.getByRole('region', { name: t('room_board_title') })
		.getByRole('listitem');
	await expect(posts.filter({ hasText: held })).toContainText(t('room_post_answered'));
	await expect(posts.first()).toContainText(idea);
	await expect(posts.last()).toContainText(held);
	await expect(starred).toContainText(t('present_answered'));
	if (SHOTS) {
		await moderation.screenshot({ path: `${SHOTS}/console-moderation.png` });
	}

	await moderation.getByRole('button', { name: t('console_moderation_unstar') }).click();
	await expect(starred).toHaveCount(0);
	await expect(projector.getByText(idea)).toBeVisible();
	await expect(projector.getByRole('listitem').filter({ hasText: held })).toContainText(
		t('present_answered')
	);

	// After the end the posts are on the team's board; staff answer one there, and the phone
	// that wrote it (and only that one) shows the answer.
	await page.getByText(t('console_end')).click();
	await page.getByRole('button', { name: t('console_end_submit') }).click();
	await expect(projector.getByText(t('present_thanks'))).toBeVisible();
	const reply = 'Invoices now go out the same day.';
	await page.goto(`${team.teamPath}/board`);
	const landed = page.getByRole('article', { name: held });
	await landed.getByText(t('follow_board_triage')).click();
	await landed.getByLabel(t('follow_board_answer')).fill(reply);
	await landed.getByRole('button', { name: t('common_save') }).click();
	await expect(landed.getByRole('status')).toHaveText(t('common_saved'));
	await writer.page.reload();
	await expect(
		writer.page.getByRole('region', { name: t('room_ended_answers_title') })
	).toContainText(t('room_ended_answer', { answer: reply }));
	await reader.page.reload();
	await expect(reader.heading()).toHaveText(t('room_ended_title'));
	await expect(reader.page.getByText(reply)).toHaveCount(0);
});

test('a staff answer to a board post shows on the device that wrote it, and no other', async ({
	page,
	newContext,
	playwright,
	baseURL
}) => {
	test.slow();
	const team = await followTeam(playwright.request, baseURL!, ['Candour']);
	const made = await postForm(team.asOwner, team.origin, `${team.teamPath}/pulses?/create`, {
		opensOn: day(0),
		closesOn: day(6),
		cadenceWeeks: '4',
		openQuestion: 'What would you change?'
	});
	const code = await team.one(
		'select code from pulses where id = ?',
		made.location.split('/').at(-1)!
	);

	async function device(text: string) {
		const phone = await (await newContext(PHONE)).newPage();
		await phone.goto(`/pulse/${code}/board`);
		await phone.getByLabel(t('follow_board_field_text')).fill(text);
		await phone.getByRole('button', { name: t('follow_board_submit') }).click();
		await expect(phone.getByText(t('follow_board_posted'))).toBeVisible();
		const own = phone.getByTestId('own-posts');
		await expect(own).toContainText(text);
		await expect(own).toContainText(t('follow_board_own_open'));
		return phone;
	}
	const mine = 'Nobody tells us why the rota changes';
	const theirs = 'The lift is broken again';
	const first = await device(mine);
	const second = await device(theirs);

	// Staff answer the first post and keep it off the public board (it names a team).
	const answer = 'From now on the rota comes with a note on why.';
	await signInContext(page.context(), team.origin, team.owner);
	await page.goto(`${team.teamPath}/board`);
	const post = page.getByRole('article', { name: mine });
	await post.getByText(t('follow_board_triage')).click();
	await post.getByLabel(t('follow_board_answer')).fill(answer);
	await post.getByLabel(t('follow_board_hide')).check();
	await post.getByRole('button', { name: t('common_save') }).click();
	await expect(post.getByRole('status')).toHaveText(t('common_saved'));

	await first.reload();
	await expect(first.getByTestId('own-posts')).toContainText(
		t('follow_board_own_answered', { answer })
	);
	await second.reload();
	await expect(second.getByTestId('own-posts')).toContainText(theirs);
	await expect(second.getByTestId('own-posts')).not.toContainText(mine);
	await expect(second.getByText(answer)).toHaveCount(0);
	await expect(second.getByText(mine)).toHaveCount(0);
	// A device that never posted has no list of its own.
	const stranger = await (await newContext(PHONE)).newPage();
	await stranger.goto(`/pulse/${code}/board`);
	await expect(stranger.getByTestId('own-posts')).toHaveCount(0);
	await expect(stranger.getByText(answer)).toHaveCount(0);
});
