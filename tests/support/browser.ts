// Debian's chromium driven by playwright-core (Playwright cannot download its own browsers here).
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

export const chromiumMissingReason =
  'no chromium found (set CHROME_PATH or `apt-get install chromium`): end-to-end tests skipped';

export async function launchChromium(executablePath: string): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // The closed network refuses Chromium's background connections; these flags stop it trying.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  launched.add(browser);
  browser.on('disconnected', () => launched.delete(browser));
  (globalThis as { __sgfRecordFailedPages?: unknown }).__sgfRecordFailedPages = recordFailedPages;
  return browser;
}

const launched = new Set<Browser>();

/**
 * Called by tests/support/e2e-environment.ts when a test fails: prints where each open page was and
 * saves what it showed, so a failure in CI (a log, no artefacts kept) says more than the timeout.
 */
async function recordFailedPages(testName: string, failure: string): Promise<void> {
  const pages = [...launched].flatMap((browser) => browser.contexts().flatMap((context) => context.pages()));
  const folder = join(SCREENSHOT_DIR, 'failures');
  await mkdir(folder, { recursive: true });
  const stem = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  for (const [index, page] of pages.entries()) {
    const path = join(folder, `${stem}-${index + 1}.png`);
    const saved = await page.screenshot({ path, timeout: 10_000 }).then(
      () => path,
      (error: Error) => `not saved (${error.message})`,
    );
    // Headings and alerts say which screen it was and what it told the person.
    const shown = await page
      .locator('h1, h2, [role="alert"], .ant-message-notice, .ant-result-title')
      .allInnerTexts()
      .then(
        (texts) => texts.join(' | ').slice(0, 400),
        () => '',
      );
    console.error(
      `[e2e failure] ${testName} (${failure}): page ${index + 1} at ${page.url()} showing «${shown}»; screenshot ${saved}`,
    );
  }
}

/** CI keeps no artifact folder, so journeys save their milestone screenshots under the ignored .data/. */
export const SCREENSHOT_DIR = join(process.cwd(), '.data', 'e2e-screenshots');

/** The screen size of the stations' office computers, which every journey must fit. */
export const OFFICE_VIEWPORT = { width: 1366, height: 768 } as const;

/** Saves what the screen shows as `<journey>/<step>.png` and returns its path; a failing run keeps the milestones it reached. */
export async function saveScreenshot(page: Page, journey: string, step: string): Promise<string> {
  const folder = join(SCREENSHOT_DIR, journey);
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${step}.png`);
  await page.screenshot({ path });
  return path;
}

/** Signs in through the login form the way a person does: by the fields' labels and the button's name. */
export async function signInAs(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/**
 * Chooses an option of an antd select or tree select: open, type to filter, click the option in the
 * open list, and see it chosen. In the list: a page's own tree can show the same title under the
 * dialog (the unit tree beside 移动), and a wait that found that one pressed Enter before the list had
 * filtered, taking its first unit instead. A click, not Enter: Enter takes whichever option is
 * active. Seen chosen: see `clickUntilShown`.
 */
export async function chooseOption(field: Locator, text: string): Promise<void> {
  const list = field.page().locator('.ant-select-dropdown').filter({ visible: true });
  const option = list
    .getByRole('option', { name: text })
    .or(list.getByTitle(text, { exact: true }))
    .filter({ visible: true })
    .first();
  // The select shows what is chosen: its label, as text and as title (a tag's when it takes several).
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await field.click();
  await field.pressSequentially(text);
  const chosen = select.getByTitle(text, { exact: true }).or(select.getByText(text, { exact: true }));
  await clickUntilShown(option, chosen.first(), async () => {
    if (!(await option.isVisible())) await field.click();
  });
}

/**
 * Clicks `target` until `shown` is there, at most three times. On a loaded CI machine a part of the
 * page that arrives late (a card above, a list that filters once more) can move the target between
 * Playwright's last check of it and the click, which then lands beside it and changes nothing; a
 * person would click again. `reopen` brings the target back when that click closed what held it.
 */
export async function clickUntilShown(
  target: Locator,
  shown: Locator,
  reopen: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click();
    const seen = await shown.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (seen) return;
    if (attempt === 3)
      throw new Error(`clicked ${String(target)} three times; ${String(shown)} never showed`);
    await reopen();
  }
}

/** Chooses an option of an antd select without search: open it and click the option by its text. */
export async function pickOption(field: Locator, option: string): Promise<void> {
  await field.click();
  await field.page().getByTitle(option, { exact: true }).filter({ visible: true }).click();
}

/**
 * The axe-core check of a page as it stands: the serious and critical violations of WCAG 2.1 A/AA
 * rules, each as `rule: target` lines (empty when there are none), so a test can assert none.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // A toast fades out while axe reads the page (it lasts 3 s; axe takes seconds), and half
  // transparent its text fails colour contrast: a measurement of the animation, not of the page.
  // Let toasts go and motions settle first; one that stays (duration 0) is checked as it stands. A
  // button's spinner can stay in its leave state for good, hidden (web/src/styles.css): not waited for.
  const transient =
    '.ant-message-notice, .ant-notification-notice, [class*="-leave"]:not(.ant-btn-loading-icon), [class*="-appear-active"], [class*="-enter-active"]';
  await page
    .waitForFunction(`!document.querySelector('${transient}')`, undefined, { timeout: 10_000 })
    .catch(() => undefined);
  // Legacy mode runs axe inside the page itself: the default opens a helper page in the page's
  // context, which pages made by browser.newPage() do not allow; the app has no cross-origin frames.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}
