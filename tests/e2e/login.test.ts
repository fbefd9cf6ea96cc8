import type { Browser, Page } from 'playwright-core';
import { chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

describeWithBrowser('login in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openLogin(): Promise<Page> {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${server.url}/inbox`);
    await page.waitForURL('**/login');
    return page;
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('redirects an anonymous visitor to a Chinese login page', async () => {
    const page = await openLogin();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.getByTestId('login-submit').textContent()).resolves.toMatch(/登\s*录/);
    await page.close();
  });

  it.each(['admin', 'shegong', 'zhanzhang', 'zhuanjia', 'xuanba', 'lingdao'])(
    'accepts demo user %s and shows their name in the workspace',
    async (username) => {
      const login = server.demoLogins.find((l) => l.username === username)!;
      const page = await openLogin();
      await signIn(page, username, login.password);
      await page.getByTestId('current-user').waitFor();
      expect(await page.getByTestId('current-user').textContent()).toContain(login.displayName);
      expect(new URL(page.url()).pathname).not.toBe('/login');
      await page.getByTestId('logout').click();
      await page.waitForURL('**/login');
      await page.close();
    },
  );

  it('rejects a wrong password with a visible error and stays on the login page', async () => {
    const page = await openLogin();
    await signIn(page, 'admin', 'definitely-wrong');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/用户名或密码/);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });

  it('keeps a refused button named by its text when its spinner never finishes leaving', async () => {
    const page = await openLogin();
    await signIn(page, 'admin', 'definitely-wrong');
    await page.getByTestId('login-error').waitFor();
    // A refusal that lands before the spinner has grown leaves antd's spinner in its leave state for
    // good (seen under load in CI: every later click on 提交 by name timed out). The state is set
    // here as antd leaves it, so the check does not depend on the machine's timing.
    const stuckSpinner =
      '<span class="ant-btn-icon ant-btn-loading-icon ant-btn-loading-icon-motion-leave ant-btn-loading-icon-motion-leave-active ant-btn-loading-icon-motion" style="width: 0px; opacity: 0; transform: scale(0);">' +
      '<span role="img" aria-label="loading" class="anticon anticon-loading"></span></span>';
    await page.evaluate(
      `document.querySelector('[data-testid="login-submit"]').insertAdjacentHTML('afterbegin', ${JSON.stringify(stuckSpinner)})`,
    );
    await page.getByRole('button', { name: /^登\s*录$/ }).waitFor({ timeout: 5_000 });
    await page.close();
  });

  it('switches the interface to English and keeps it after a reload', async () => {
    const page = await openLogin();
    await page.getByTestId('lang-switch').click();
    // English is fetched when chosen, so the label changes a moment after the click.
    await page
      .getByTestId('login-submit')
      .filter({ hasText: /Sign in|Log in/i })
      .waitFor();
    // Only Chinese ships with the first load; a stored choice of English is fetched before the first render.
    await page.reload();
    await page.getByTestId('login-submit').waitFor();
    await expect(page.getByTestId('login-submit').textContent()).resolves.toMatch(/Sign in|Log in/i);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });
});
