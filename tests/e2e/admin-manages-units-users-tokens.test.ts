// Journey: the county's admin sets up a new community room, an officer account for it and an API
// token for another government system, then revokes the token; the new officer signs in with the
// one-time password and must choose their own before anything else. Screenshots at each milestone.
import type { Browser, Page } from 'playwright-core';
import {
  OFFICE_VIEWPORT,
  chooseOption,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  signInAs,
} from '../support/browser';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(180_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'admin-manages-units-users-tokens';
const STATION = '洪家楼街道社会工作服务站';
const NEW_ROOM = { code: 'LC-HJL-03', name: '历山路社区社会工作室' };
const NEW_USER = { username: 'zhaomin', displayName: '赵敏（驻室社工）' };
const TOKEN_NAME = '民政业务系统对接';
const NEW_PASSWORD = 'Lishan#Road2026';

describeWithBrowser('an admin manages units, users, roles and API tokens in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const newPage = (): Promise<Page> => browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
  const shot = (page: Page, step: string) => saveScreenshot(page, JOURNEY, step);

  it('creates a room under a station, an officer with a role there, and a token it then revokes; the officer must change the one-time password', async () => {
    const admin = server.demoLogins.find((login) => login.username === 'admin')!;
    const page = await newPage();
    // The server's Content-Security-Policy must let every screen of the journey work.
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    // The admin signs in and opens 系统管理 → 组织机构.
    await signInAs(page, server.url, admin.username, admin.password);
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '组织机构' }).click();
    const tree = page.getByRole('tree', { name: '组织机构' });
    await tree.getByText(STATION, { exact: true }).click();
    await page.getByRole('heading', { name: STATION }).waitFor();
    await shot(page, '01-unit-tree');

    // A new community room under the station, with its own code.
    await page.getByRole('button', { name: '新建下级单位' }).click();
    const unitDialog = page.getByRole('dialog', { name: `在“${STATION}”下新建单位` });
    await unitDialog.getByLabel('单位编码').fill(NEW_ROOM.code);
    await unitDialog.getByLabel('单位名称').fill(NEW_ROOM.name);
    await shot(page, '02-new-unit-form');
    await unitDialog.getByRole('button', { name: /创\s*建/ }).click();
    await unitDialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: NEW_ROOM.name }).waitFor();
    await page.getByRole('cell', { name: NEW_ROOM.code, exact: true }).waitFor();
    await shot(page, '03-unit-created');

    // A new officer account: the one-time password is shown once.
    await page.getByRole('link', { name: '用户与角色' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const userDialog = page.getByRole('dialog', { name: '新建用户' });
    await userDialog.getByLabel('用户名').fill(NEW_USER.username);
    await userDialog.getByLabel('姓名').fill(NEW_USER.displayName);
    await userDialog.getByRole('button', { name: /创\s*建/ }).click();
    const secretDialog = page.getByRole('dialog', { name: '一次性密码' });
    await secretDialog.waitFor();
    const oneTimePassword = (await secretDialog.locator('code').textContent())?.trim() ?? '';
    expect(oneTimePassword).toMatch(/^\S{10,}$/);
    await shot(page, '04-one-time-password');
    await secretDialog.getByRole('button', { name: '我已妥善保存' }).click();

    // The officer's role at the new room.
    const userRow = page.getByRole('row').filter({ hasText: NEW_USER.username });
    await userRow.getByText('待修改密码').waitFor();
    await userRow.getByRole('button', { name: `${NEW_USER.displayName} 的角色分配` }).click();
    const drawer = page.getByRole('dialog', { name: `${NEW_USER.displayName} 的角色分配` });
    await chooseOption(drawer.getByLabel('角色', { exact: true }), '项目社工');
    await chooseOption(drawer.getByLabel('单位', { exact: true }), NEW_ROOM.name);
    await drawer.getByRole('button', { name: /添\s*加/ }).click();
    await drawer
      .getByRole('listitem')
      .filter({ hasText: `项目社工 · ${NEW_ROOM.name}` })
      .waitFor();
    await shot(page, '05-role-assigned');
    await drawer
      .getByRole('button', { name: 'Close' })
      .or(drawer.getByRole('button', { name: '关闭' }))
      .first()
      .click();
    await userRow.getByText(`项目社工 · ${NEW_ROOM.name}`).waitFor();

    // An API token for the civil-affairs system: its secret is shown once, then it is revoked.
    await page.getByRole('link', { name: 'API 令牌' }).click();
    await page.getByRole('button', { name: '新建令牌' }).click();
    const tokenDialog = page.getByRole('dialog', { name: '新建令牌' });
    await tokenDialog.getByLabel('名称').fill(TOKEN_NAME);
    await chooseOption(tokenDialog.getByLabel('角色 1'), '站长/督导');
    await chooseOption(tokenDialog.getByLabel('单位 1'), STATION);
    await tokenDialog.getByRole('button', { name: /创\s*建/ }).click();
    const tokenSecretDialog = page.getByRole('dialog', { name: 'API 令牌' });
    await tokenSecretDialog.waitFor();
    const secret = (await tokenSecretDialog.locator('code').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await shot(page, '06-token-secret');
    await tokenSecretDialog.getByRole('button', { name: '我已妥善保存' }).click();

    // The token works until it is revoked.
    const callWithToken = () =>
      fetch(`${server.url}/api/units`, { headers: { authorization: `Bearer ${secret}` } }).then(
        (r) => r.status,
      );
    await expect(callWithToken()).resolves.toBe(200);
    const tokenRow = page.getByRole('row').filter({ hasText: TOKEN_NAME });
    await tokenRow.getByRole('button', { name: `撤销令牌 ${TOKEN_NAME}` }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /撤\s*销/ })
      .click();
    await tokenRow.getByText('已撤销').waitFor();
    await shot(page, '07-token-revoked');
    await expect(callWithToken()).resolves.toBe(401);

    // The audit log shows the revocation, and the same search downloads as an Excel file. Actions
    // are chosen by their Chinese names; the actor filter finds API tokens as well as people.
    await page.getByRole('link', { name: '审计日志' }).click();
    const actorFilter = page.getByLabel('操作人', { exact: true });
    await actorFilter.click();
    await actorFilter.pressSequentially('民政');
    await page.getByTitle(`${TOKEN_NAME}（API 令牌）`, { exact: true }).waitFor();
    await actorFilter.press('Escape');
    await chooseOption(page.getByLabel('操作', { exact: true }), '吊销 API 令牌');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByRole('row').filter({ hasText: '吊销 API 令牌' }).first().waitFor();
    await shot(page, '08-audit-search');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(new URL(download.url()).searchParams.get('action')).toBe('token.revoked');

    // The roles tooltip of the account button gives way to the account menu, whose items take the click.
    const account = page.getByTestId('account-menu');
    await account.hover();
    await page.getByRole('tooltip').filter({ hasText: '角色与所属单位' }).waitFor();
    await account.click();
    await page.getByRole('menuitem', { name: '修改密码' }).click({ timeout: 5_000 });
    await page.waitForURL('**/account/password');

    // The admin leaves; the officer signs in with the one-time password and is held on 修改密码.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await signInAs(page, server.url, NEW_USER.username, oneTimePassword);
    await page.waitForURL('**/account/password');
    await page.getByText('您正在使用管理员发放的一次性密码').waitFor();
    await page.goto(`${server.url}/inbox`);
    await page.waitForURL('**/account/password');
    await shot(page, '09-forced-password-change');

    // A password containing the username breaks the policy; the page says so on the field.
    await page.getByLabel('一次性密码').fill(oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill(`${NEW_USER.username}#Ok2026`);
    await page.getByLabel('确认新密码').fill(`${NEW_USER.username}#Ok2026`);
    await page.getByRole('button', { name: /修改密码/ }).click();
    await page.getByText('新密码不符合密码要求').waitFor();
    await shot(page, '10-password-policy');

    // Reusing the one-time password passes the policy shown but not the server, whose reason lands on the field.
    await page.getByLabel('新密码', { exact: true }).fill(oneTimePassword);
    await page.getByLabel('确认新密码').fill(oneTimePassword);
    await page.getByRole('button', { name: /修改密码/ }).click();
    await page.getByText('不能与当前密码相同').waitFor();
    expect(await page.getByLabel('新密码', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, '11-server-field-error');

    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /修改密码/ }).click();
    await page.waitForURL((url) => url.pathname === '/inbox');
    await page.getByRole('button', { name: new RegExp(NEW_USER.displayName) }).waitFor();
    await shot(page, '12-officer-at-work');
    await page.close();
    expect(cspViolations).toEqual([]);

    // The new password is the one that works now.
    const again = await newPage();
    await signInAs(again, server.url, NEW_USER.username, NEW_PASSWORD);
    await again.waitForURL((url) => url.pathname === '/inbox');
    await again.close();
  });

  it("shows the server's refusals where they belong, resets a password, and reloads a unit someone else changed", async () => {
    const admin = server.demoLogins.find((login) => login.username === 'admin')!;
    const page = await newPage();
    await signInAs(page, server.url, admin.username, admin.password);
    await page.getByRole('link', { name: '系统管理' }).click();
    const tree = page.getByRole('tree', { name: '组织机构' });
    await tree.getByText(STATION, { exact: true }).click();

    // Moving the station below one of its own rooms: the server's cycle error sits on the parent field.
    await page.getByRole('button', { name: /移\s*动/ }).click();
    const moveDialog = page.getByRole('dialog', { name: `移动“${STATION}”` });
    await chooseOption(moveDialog.getByLabel('新的上级单位'), '洪家楼北路社区社会工作室');
    await moveDialog.getByRole('button', { name: /移\s*动/ }).click();
    await moveDialog.getByText('不能移动到自身或其下级单位之下').waitFor();
    expect(await moveDialog.getByLabel('新的上级单位').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'refusal-01-unit-cycle');
    await moveDialog.getByRole('button', { name: /取\s*消/ }).click();

    // A station with active rooms cannot be deactivated; the reason is shown in Chinese.
    await page.getByRole('button', { name: /停\s*用/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('该单位仍有启用的下级单位或进行中的流程，不能停用。').waitFor();

    // A taken unit code is refused on the code field.
    await page.getByRole('button', { name: '新建下级单位' }).click();
    const unitDialog = page.getByRole('dialog', { name: `在“${STATION}”下新建单位` });
    await unitDialog.getByLabel('单位编码').fill('LC-HJL-01');
    await unitDialog.getByLabel('单位名称').fill('重复编码的社工室');
    await unitDialog.getByRole('button', { name: /创\s*建/ }).click();
    await unitDialog.getByText('单位编码已被使用').waitFor();
    await shot(page, 'refusal-02-code-taken');
    await unitDialog.getByRole('button', { name: /取\s*消/ }).click();

    // Someone renames the station through the API while the admin has the rename dialog open:
    // the admin's save is refused (412), the page says so and reloads, and a second save succeeds.
    await page.getByRole('button', { name: /重命名/ }).click();
    const renameDialog = page.getByRole('dialog', { name: `重命名“${STATION}”` });
    const other = apiAgent(server.url);
    await other('POST', '/api/auth/login', { username: admin.username, password: admin.password });
    const units = await other('GET', '/api/units');
    const station = (units.json!.items as Array<{ id: string; name: string; revision: number }>).find(
      (unit) => unit.name === STATION,
    )!;
    const renamed = await other(
      'PATCH',
      `/api/units/${station.id}`,
      { name: `${STATION}（临时）` },
      {
        'if-match': `"${station.revision}"`,
      },
    );
    expect(renamed.status).toBe(200);
    await renameDialog.getByLabel('新名称').fill('洪家楼街道社工站');
    await renameDialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已被他人修改，请刷新。').waitFor();
    // The reloaded unit carries the other person's name; the admin's typing is kept.
    const reloadedDialog = page.getByRole('dialog', { name: `重命名“${STATION}（临时）”` });
    await reloadedDialog.waitFor();
    await shot(page, 'refusal-03-stale-revision');
    await reloadedDialog.getByRole('button', { name: /保\s*存/ }).click();
    await reloadedDialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '洪家楼街道社工站' }).waitFor();

    // A reset password is a new one-time password, shown once; the user must change it.
    await page.getByRole('link', { name: '用户与角色' }).click();
    const officerRow = page.getByRole('row').filter({ hasText: 'shegong' });
    const officerName = server.demoLogins.find((login) => login.username === 'shegong')!.displayName;
    await officerRow.getByRole('button', { name: `重置 ${officerName} 的密码` }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const secretDialog = page.getByRole('dialog', { name: '一次性密码' });
    expect((await secretDialog.locator('code').textContent())?.trim()).toMatch(/^\S{10,}$/);
    await secretDialog.getByRole('button', { name: '我已妥善保存' }).click();
    await officerRow.getByText('待修改密码').waitFor();

    // Deactivated, then active again.
    await officerRow.getByRole('button', { name: `停用 ${officerName}` }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await officerRow.getByText('已停用').waitFor();
    await shot(page, 'refusal-04-user-deactivated');
    await officerRow.getByRole('button', { name: `启用 ${officerName}` }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await officerRow.getByRole('button', { name: `停用 ${officerName}` }).waitFor();
    await page.close();
  });

  it('serves the API reference at /api/docs, rendered in the browser', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/api/docs`);
    // Every tag is listed, collapsed (with all 137 operations open the page stopped after two
    // tags); opening one lists its operations.
    for (const tag of ['units', 'tokens', 'definitions', 'talent'])
      await page.locator(`#operations-tag-${tag}`).waitFor({ timeout: 30_000 });
    await page.locator('#operations-tag-units').click();
    await page.getByText('/api/units', { exact: false }).first().waitFor();
    await page.locator('#operations-tag-tokens').click();
    await page.getByText('/api/tokens', { exact: false }).first().waitFor();
    await shot(page, '13-api-docs');
    await page.close();
  });
});
