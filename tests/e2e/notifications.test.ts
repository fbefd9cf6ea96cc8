// Journey: an officer works with the notification bell open in the header. Their station head urges
// (催办) the officer's assessment; the badge turns to 1 without a reload (the live stream), the
// drawer lists the urge, a click marks it read and opens the task. A second urge is cleared with
// 全部标为已读. At phone width (390 px) the header fits the screen: the units, the language switch
// and sign-out sit in the account menu. Screenshots at 1366×768 and at 390 px; axe-core checks the
// drawer.
import type { Browser, Page } from 'playwright-core';
import {
  OFFICE_VIEWPORT,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  seriousA11yViolations,
  signInAs,
} from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';
import { type ApiCall, demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'notifications';
const TITLE = '洪家楼街道独居老人探访项目';
const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

describeWithBrowser('notifications: a live badge, the drawer, and a header that fits a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: ApiCall;
  let taskId: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    officer = await signInApi(server, demoLogin(server, 'shegong'));
    const catalogue = await officer('GET', '/api/processes');
    const lifecycle = (catalogue.json!.items as { key: string; versionId: string }[]).find(
      (item) => item.key === 'project-lifecycle',
    )!;
    const started = await officer('POST', '/api/projects', {
      versionId: lifecycle.versionId,
      unitId: await unitIdOf(await signInApi(server, demoLogin(server, 'admin')), 'LC-HJL'),
      title: TITLE,
      input: { projectName: TITLE },
    });
    expect(started.status).toBe(201);
    taskId = (started.json!.tasks as { id: string; nodeId: string }[]).find(
      (task) => task.nodeId === 'assess',
    )!.id;
  });
  afterAll(async () => {
    // Pages first: their open event streams would keep the server from closing.
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, step: string) => saveScreenshot(page, JOURNEY, step);
  const badge = (page: Page) => page.getByTestId('notification-bell').locator('.ant-scroll-number');

  async function signedIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const login = demoLogin(server, username);
    const page = await browser.newPage({ locale: 'zh-CN', viewport });
    await signInAs(page, server.url, login.username, login.password);
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  async function urgeAs(username: string, message: string): Promise<void> {
    const urger = await signInApi(server, demoLogin(server, username));
    const res = await urger('POST', `/api/tasks/${taskId}/urge`, { message });
    expect(res.status).toBe(201);
  }

  /** axe-core's findings inside one part of the page (the rest, e.g. the page under the drawer's mask, is other journeys'). */
  async function violationsWithin(page: Page, part: string): Promise<string[]> {
    const violations = await seriousA11yViolations(page);
    // axe names each node by a selector unique in the page: found inside the part, it is there.
    const inside = await Promise.all(
      violations.map(
        async (line) =>
          (await page
            .locator(part)
            .locator(line.slice(line.indexOf(': ') + 2))
            .count()) > 0,
      ),
    );
    return violations.filter((_line, index) => inside[index]);
  }

  const horizontalOverflow = (page: Page) =>
    page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

  it('shows an urge on the badge without a reload; the drawer opens it and marks it read', async () => {
    const page = await signedIn('shegong', OFFICE_VIEWPORT);
    await page.locator('[data-testid="notification-bell"][data-stream="live"]').waitFor();
    expect(await badge(page).count()).toBe(0);

    await urgeAs('zhanzhang', '请本周内完成需求评估');
    await badge(page).filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    await shot(page, '01-badge-after-urge');
    expect(await violationsWithin(page, '.sgf-header')).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: '请本周内完成需求评估' });
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    await expect(item.textContent()).resolves.toContain(TITLE);
    await shot(page, '02-drawer');
    expect(await violationsWithin(page, '.ant-drawer')).toEqual([]);

    await item.getByRole('button').click();
    await page.waitForURL(`**/inbox/tasks/${taskId}`);
    await badge(page).waitFor({ state: 'detached' });
    const page1 = await officer('GET', '/api/notifications');
    expect((page1.json!.items as { read: boolean }[])[0]!.read).toBe(true);
    await shot(page, '03-task-opened');

    await urgeAs('zhongxin', '中心督导提醒');
    await badge(page).filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: '中心督导提醒' }).waitFor();
    await page.getByTestId('notifications-mark-all').click();
    await badge(page).waitFor({ state: 'detached' });
    await page.locator('[data-testid="notification-item"][data-read="false"]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="notification-item"][data-read="true"]').count()).toBe(2);
    await shot(page, '04-all-read');
    await page.close();
  });

  it('fits the header into a phone’s width, with the units, language and sign-out in the account menu', async () => {
    const page = await signedIn('shegong', PHONE_VIEWPORT);
    await page.getByTestId('notification-bell').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // Every header control lies within the screen.
    for (const id of ['notification-bell', 'account-menu']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    await shot(page, '05-phone-header');
    expect(await violationsWithin(page, '.sgf-header')).toEqual([]);

    // The unit leaves the header for the account menu.
    expect(await page.getByTestId('current-unit').count()).toBe(0);
    await page.getByTestId('account-menu').click();
    await page.getByTestId('menu-logout').waitFor();
    await expect(
      page.getByRole('menuitem').filter({ hasText: '洪家楼街道社会工作服务站' }).count(),
    ).resolves.toBe(1);
    await shot(page, '06-phone-account-menu');
    await page.getByTestId('menu-lang-switch').click();
    await page.getByRole('button', { name: 'Notifications' }).waitFor();
    await page.getByTestId('menu-logout').waitFor({ state: 'hidden' });
    // Measured once the menu's closing animation has left the screen's edge.
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').first().waitFor();
    await expect(page.getByTestId('notification-item').first().textContent()).resolves.toContain('urges you');
    await shot(page, '07-phone-drawer-en');
    await page.close();
  });
});
