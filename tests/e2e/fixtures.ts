import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import {
	test as base,
	expect,
	type BrowserContext,
	type BrowserContextOptions,
	type Page,
	type Request
} from '@playwright/test';

/** The WCAG 2.1 A and AA rules; serious and critical violations fail the test. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describeViolations(where: string, violations: Violation[]): string {
	const lines = [
		`${violations.length} serious or critical accessibility violation(s) on ${where}:`
	];
	for (const v of violations) {
		lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
		for (const node of v.nodes.slice(0, 10)) {
			lines.push(`      ${node.target.map(String).join(' >>> ')}`);
		}
		if (v.nodes.length > 10) lines.push(`      ... and ${v.nodes.length - 10} more`);
	}
	return lines.join('\n');
}

/**
 * Markup this worker has already found free of problems. Axe takes about a second a page on
 * two cores, and most tests pass through the same few pages; the same markup with the same
 * styles gives the same result, so it is checked once. Scripts do not count: axe ignores them.
 */
const passedMarkup = new Set<string>();

async function markupKey(page: Page): Promise<string> {
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	return createHash('sha256').update(`${page.viewportSize()?.width}\n${html}`).digest('hex');
}

/** The axe report for the page as it is now, or null when nothing serious was found. */
async function axeReport(page: Page, where: string): Promise<string | null> {
	const key = await markupKey(page);
	if (passedMarkup.has(key)) return null;
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
	if (blocking.length > 0) return describeViolations(where, blocking);
	passedMarkup.add(key);
	return null;
}

/**
 * Contexts opened with JavaScript off. Axe cannot run in them (timers are off as well), so
 * their pages are checked in a mirror: a context with the same cookies in which JavaScript
 * runs but every script of the app is refused, which leaves the page as the server sent it.
 */
const scriptless = new WeakSet<BrowserContext>();

async function openMirror(context: BrowserContext, snapshot?: { url: string; html: string }) {
	const browser = context.browser();
	if (!browser) throw new Error('No browser behind this context');
	// Inside a test, browser.newContext() inherits the test's options: turn JavaScript back on.
	const mirror = await browser.newContext({
		storageState: await context.storageState(),
		javaScriptEnabled: true
	});
	await mirror.route('**/*', (route) => {
		const request = route.request();
		if (request.resourceType() === 'script') return route.abort();
		if (snapshot && request.isNavigationRequest() && request.url() === snapshot.url) {
			return route.fulfill({ status: 200, contentType: 'text/html', body: snapshot.html });
		}
		return route.continue();
	});
	return mirror;
}

/** The report for `page` as it is now, also in a context without JavaScript. */
async function accessibilityProblems(page: Page): Promise<string | null> {
	const where = page.url();
	if (!scriptless.has(page.context())) return axeReport(page, where);
	// The page may be the answer to a form post: check that very HTML, not a fresh GET.
	const mirror = await openMirror(page.context(), { url: where, html: await page.content() });
	try {
		const copy = await mirror.newPage();
		await copy.goto(where);
		return await axeReport(copy, `${where} (JavaScript off)`);
	} finally {
		await mirror.close();
	}
}

/**
 * Resolves once the page has hydrated: the root layout marks `<html data-hydrated>` on mount.
 * (Network silence is no such sign: Playwright's `networkidle` can wait forever once requests
 * have been routed.)
 */
export async function waitForHydration(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Fails with a readable list (rule, impact, selectors) when the page has serious problems. */
export async function expectAccessible(page: Page): Promise<void> {
	await base.step(`accessibility of ${page.url()}`, async () => {
		const problems = await accessibilityProblems(page);
		if (problems) throw new Error(problems);
	});
}

/**
 * Remembers, per browser context, every URL a page's main frame was shown by a GET (typed,
 * linked, redirected to, or reached by client-side routing). The page a form POST answers
 * with is left out: it cannot be opened again, so tests check such states explicitly.
 */
class VisitedPages {
	readonly byContext = new Map<BrowserContext, Set<string>>();
	#recording = true;

	constructor(private readonly origin: string) {}

	watch(context: BrowserContext): void {
		this.byContext.set(context, this.byContext.get(context) ?? new Set());
		for (const page of context.pages()) this.#watchPage(context, page);
		context.on('page', (page) => this.#watchPage(context, page));
	}

	stop(): void {
		this.#recording = false;
	}

	#watchPage(context: BrowserContext, page: Page): void {
		let documentRequest: Request | null = null;
		page.on('request', (request) => {
			if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
				documentRequest = request;
			}
		});
		page.on('framenavigated', (frame) => {
			if (frame !== page.mainFrame()) return;
			// No document request means SvelteKit's router moved the page, which is a GET too.
			const method = documentRequest?.method() ?? 'GET';
			documentRequest = null;
			const url = new URL(frame.url());
			if (!this.#recording || method !== 'GET' || url.origin !== this.origin) return;
			url.hash = '';
			this.byContext.get(context)?.add(url.href);
		});
	}
}

interface Fixtures {
	/** Runs axe (WCAG 2.1 A/AA) on the page now; fails on serious or critical violations. */
	expectAccessible: (page: Page) => Promise<void>;
	/** A further browser context (e.g. without JavaScript) whose pages are checked too. */
	newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
	visitedPages: VisitedPages;
	/** Automatic: after a passing test, every page it visited is opened again and checked. */
	accessibilitySweep: void;
}

export const test = base.extend<Fixtures>({
	// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
	expectAccessible: async ({}, use) => {
		await use(expectAccessible);
	},

	visitedPages: async ({ baseURL }, use) => {
		if (!baseURL) throw new Error('The e2e fixtures need `use.baseURL` in the config.');
		await use(new VisitedPages(new URL(baseURL).origin));
	},

	newContext: async ({ browser, javaScriptEnabled, visitedPages }, use) => {
		const made: BrowserContext[] = [];
		await use(async (options = {}) => {
			// The test's options (baseURL, locale, ...) apply to this context too.
			const context = await browser.newContext(options);
			if (!(options.javaScriptEnabled ?? javaScriptEnabled)) scriptless.add(context);
			made.push(context);
			visitedPages.watch(context);
			return context;
		});
		for (const context of made) await context.close();
	},

	accessibilitySweep: [
		async ({ browser, context, javaScriptEnabled, newContext: _, visitedPages }, use, testInfo) => {
			if (!javaScriptEnabled) scriptless.add(context);
			visitedPages.watch(context);
			await use();
			visitedPages.stop();
			if (testInfo.status !== testInfo.expectedStatus) return;

			const untracked = browser
				.contexts()
				.filter((c) => !visitedPages.byContext.has(c) && c.pages().length > 0);
			if (untracked.length > 0) {
				throw new Error(
					'A test opened a browser context with browser.newContext(); use the `newContext` ' +
						'fixture instead, so that its pages are checked for accessibility.'
				);
			}

			const problems: string[] = [];
			await base.step('accessibility of every visited page', async () => {
				for (const [visited, urls] of visitedPages.byContext) {
					if (urls.size === 0) continue;
					const mirror = scriptless.has(visited) ? await openMirror(visited) : null;
					const page = await (mirror ?? visited).newPage();
					const seen = new Set<string>();
					for (const url of urls) {
						await page.goto(url);
						if (seen.has(page.url())) continue;
						seen.add(page.url());
						const where =
							(page.url() === url ? url : `${page.url()} (opened as ${url})`) +
							(mirror ? ' (JavaScript off)' : '');
						const found = await axeReport(page, where);
						if (found) problems.push(found);
					}
					await page.close();
					await mirror?.close();
				}
			});
			if (problems.length > 0) throw new Error(problems.join('\n\n'));
		},
		{ auto: true }
	]
});

export { expect };
