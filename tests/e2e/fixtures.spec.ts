import { expect, test } from './fixtures';

// The accessibility fixture itself: it must be able to fail, and must see every page visited.

const BAD_PAGE = `<!doctype html><html><head><title>Bad</title></head><body><main>
	<img src="/favicon.svg" class="no-alt">
	<button type="button" id="empty-button"></button>
	<form method="post" action="/posted-only"><button type="submit">Post</button></form>
</main></body></html>`;

test('expectAccessible names each rule, its impact and the elements', async ({
	page,
	expectAccessible
}) => {
	// Routed on the page only: the sweep afterwards opens a new page, which gets the app's 404.
	await page.route('**/a11y-self-test', (route) =>
		route.fulfill({ contentType: 'text/html', body: BAD_PAGE })
	);
	await page.goto('/a11y-self-test');

	const error = await expectAccessible(page).then(
		() => null,
		(e: Error) => e
	);
	expect(error?.message).toContain('serious or critical accessibility violation(s) on');
	expect(error?.message).toMatch(/\[critical\] image-alt: .*\n\s+img\b/);
	expect(error?.message).toMatch(/\[critical\] button-name: .*\n\s+#empty-button/);
	expect(error?.message).toMatch(/\[serious\] html-has-lang/);
});

test('records pages reached by GET, not the answers to form posts', async ({
	page,
	visitedPages,
	baseURL
}) => {
	await page.route('**/a11y-self-test', (route) =>
		route.fulfill({ contentType: 'text/html', body: BAD_PAGE })
	);
	await page.route('**/posted-only', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<html lang="en"><title>x</title></html>' })
	);
	await page.goto('/signin#skip');
	await page.goto('/app'); // redirects to /signin?next=%2Fapp
	await page.goto('/a11y-self-test');
	await page.getByRole('button', { name: 'Post' }).click();
	await expect(page).toHaveURL('/posted-only');

	const recorded = [...visitedPages.byContext.get(page.context())!];
	expect(recorded).toEqual([
		`${baseURL}/signin`,
		`${baseURL}/signin?next=%2Fapp`,
		`${baseURL}/a11y-self-test`
	]);
	// Those are reopened after the test; the self-test page then is the app's 404 page.
	await page.unrouteAll();
});
