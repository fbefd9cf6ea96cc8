// Journey: an officer starts a five-stage lifecycle project through the wizard (项目名称 filled from the
// title) and fills the assessment; the station head approves it from the inbox; the officer plans (a
// list row included, and a server field error shown on its field); the county centre approves; the
// project page shows the stage bar at 实施 and the timeline names every step. Screenshots at 1366×768
// at each milestone and one at 390 px; axe-core checks each officer and supervisor page on the way (no
// serious or critical violations).
import type { Browser, Page } from 'playwright-core';
import {
  OFFICE_VIEWPORT,
  chooseOption,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  seriousA11yViolations,
  signInAs,
} from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'project-lifecycle-journey';
const PROCESS = '社工站项目五阶段生命周期';
const STATION = '洪家楼街道社会工作服务站';
const TITLE = '洪家楼街道“一老一小”关爱服务项目';
const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

describeWithBrowser('a lifecycle project from start to implementation in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, step: string) => saveScreenshot(page, JOURNEY, step);
  /** Serious or critical axe-core violations met on the way, by step; the journey ends by asserting none. */
  const a11y: string[] = [];
  async function checkedShot(page: Page, step: string): Promise<void> {
    await shot(page, step);
    a11y.push(...(await seriousA11yViolations(page)).map((violation) => `${step} ${violation}`));
  }

  async function signedIn(username: string): Promise<Page> {
    const login = server.demoLogins.find((candidate) => candidate.username === username);
    if (!login) throw new Error(`no demo login ${username}`);
    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
    await signInAs(page, server.url, login.username, login.password);
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  /** Opens the project's task from 我的待办, or from 待认领 when it waits for the person's role. */
  async function openTaskFromInbox(page: Page, taskName: string, step: string): Promise<void> {
    await page.getByRole('link', { name: '工作台' }).click();
    const row = page.getByRole('row').filter({ hasText: TITLE }).filter({ hasText: taskName });
    // The first tab has loaded when it shows the row or says it has none.
    await row.or(page.getByText('暂无待办任务')).first().waitFor();
    if (!(await row.first().isVisible())) {
      await page.getByRole('tab', { name: /待认领/ }).click();
      await row.first().waitFor();
    }
    await checkedShot(page, step);
    await row.first().getByRole('link', { name: taskName }).click();
    await page.getByRole('heading', { name: taskName, level: 1 }).waitFor();
  }

  async function approve(username: string, taskName: string, comment: string, step: string): Promise<void> {
    const page = await signedIn(username);
    await openTaskFromInbox(page, taskName, `${step}-inbox`);
    await page.getByRole('button', { name: /^同\s*意$/ }).click();
    const dialog = page.getByRole('dialog', { name: '同意' });
    await dialog.getByLabel('审批意见').fill(comment);
    await checkedShot(page, `${step}-approve`);
    await dialog.getByRole('button', { name: /^同\s*意$/ }).click();
    await page.waitForURL((url) => url.pathname === '/inbox');
    await page.close();
  }

  it('officer starts and plans, station head and centre approve, the project reaches 实施', async () => {
    // The officer starts the project through the wizard.
    const officer = await signedIn('shegong');
    await officer.getByRole('link', { name: '项目', exact: true }).click();
    await officer.getByRole('button', { name: '发起项目' }).click();
    await officer.getByRole('radio', { name: new RegExp(PROCESS) }).check();
    await checkedShot(officer, '01-wizard-choose');
    await officer.getByRole('button', { name: /下一步/ }).click();
    // The title says where it shows; the start field that names the project follows it, so the
    // officer does not type the name twice (and may still change it).
    await officer.getByText('显示在项目列表和待办中').waitFor();
    await officer.getByLabel('项目标题').fill(TITLE);
    await chooseOption(officer.getByLabel('承接单位'), STATION);
    const nameField = officer.getByLabel('项目名称', { exact: true });
    expect(await nameField.inputValue()).toBe(TITLE);
    await officer.getByText('默认与项目标题相同，正式名称不同时可修改').waitFor();
    await shot(officer, '02-wizard-fill');
    await officer.getByRole('button', { name: /下一步/ }).click();
    await officer.getByText(TITLE).first().waitFor();
    await shot(officer, '03-wizard-confirm');
    await officer.getByRole('button', { name: /^发\s*起$/ }).click();
    await officer.waitForURL(/\/projects\/[^/]+$/);
    await officer.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const projectUrl = officer.url();
    await checkedShot(officer, '04-project-started');

    // The assessment form, from the project's open tasks.
    await officer.getByRole('link', { name: '项目预估（需求评估）' }).click();
    await officer.getByRole('heading', { name: '项目预估（需求评估）', level: 1 }).waitFor();
    await officer.getByRole('button', { name: /^提\s*交$/ }).click();
    await officer.getByText('请填写服务对象').waitFor();
    // A field one picks from asks to choose, not to type (found by the fresh-eyes review).
    await officer.getByText('请选择服务领域').waitFor();
    await shot(officer, '05-assess-client-rules');
    await officer.getByLabel('服务对象').fill('辖区独居、空巢老人和留守儿童');
    await chooseOption(officer.getByLabel('服务领域'), '为老服务');
    await officer.getByLabel('需求评估摘要').fill('走访 120 户，独居老人助餐与儿童课后照护需求突出。');
    await checkedShot(officer, '06-assess-filled');
    await officer.getByRole('button', { name: /^提\s*交$/ }).click();
    await officer.waitForURL((url) => url.pathname === '/inbox');
    await officer.close();

    // The station head approves from the inbox.
    await approve('zhanzhang', '站长审批', '需求清楚，同意进入计划阶段。', '07-head');

    // The officer plans: a list row, and an out-of-range budget the server refuses on its field.
    const planner = await signedIn('shegong');
    await openTaskFromInbox(planner, '项目计划', '08-plan-inbox');
    await planner.getByLabel('项目目标').fill('为 60 名独居老人提供助餐，为 40 名儿童提供课后照护。');
    await planner.getByLabel('活动名称（第 1 行）').fill('重阳节敬老活动');
    await planner.getByLabel('计划日期（第 1 行）').fill('2026-12-01');
    await planner.getByLabel('计划日期（第 1 行）').press('Enter');
    await planner.getByLabel('预计参与人数（第 1 行）').fill('60');
    await planner.getByLabel('指标（第 1 行）').fill('助餐服务人次');
    await planner.getByLabel('目标值（第 1 行）').fill('2400');
    await planner.getByLabel('单位（第 1 行）').fill('人次');
    await planner.getByLabel('预算（元）').fill('-5');
    await planner.getByRole('button', { name: /^提\s*交$/ }).click();
    await planner.getByText('预算（元）不能小于 0').waitFor();
    await shot(planner, '09-plan-client-rule');

    // The browser's rule is the server's; to see the server's own answer placed, the request is
    // changed on its way out (a stale client would send the same) and the real server refuses it.
    await planner.getByLabel('预算（元）').fill('1200');
    await planner.route('**/api/tasks/*/complete', async (route) => {
      const body = route.request().postDataJSON() as { data: Record<string, unknown> };
      await route.continue({ postData: JSON.stringify({ data: { ...body.data, budgetYuan: -5 } }) });
    });
    await planner.getByRole('button', { name: /^提\s*交$/ }).click();
    const budget = planner.getByLabel('预算（元）');
    // The field turns invalid only when the server's error lands on it (the value shown is valid).
    await budget.and(planner.locator('[aria-invalid="true"]')).waitFor({ timeout: 10_000 });
    await checkedShot(planner, '10-plan-server-field-error');
    await planner.unroute('**/api/tasks/*/complete');
    await budget.fill('1200');
    await planner.getByRole('button', { name: /^提\s*交$/ }).click();
    await planner.waitForURL((url) => url.pathname === '/inbox');
    await planner.close();

    // The county centre approves the plan.
    await approve('zhongxin', '指导中心审批', '计划可行，同意实施。', '11-centre');

    // The project page: implementation and monitoring run side by side, so the stage bar marks both
    // 实施 and 监测与管理 as current; the timeline names each step.
    const page = await signedIn('shegong');
    await page.goto(projectUrl);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.locator('.sgf-work-stages .ant-steps-item-process').allTextContents()).toEqual([
      '3实施',
      '4监测与管理',
    ]);
    expect(await page.locator('.sgf-work-stages .ant-steps-item-finish').allTextContents()).toEqual([
      '预估',
      '计划',
    ]);
    for (const step of ['项目预估', '站长审批', '项目计划', '指导中心审批']) {
      await page.getByText(new RegExp(step)).first().waitFor();
    }
    await page.getByText('需求清楚，同意进入计划阶段。').waitFor();
    await page.getByText('重阳节敬老活动').first().waitFor();
    await checkedShot(page, '12-project-at-implementation');
    await page.setViewportSize(PHONE_VIEWPORT);
    await checkedShot(page, '13-project-at-phone-width');
    await page.close();
    expect(a11y).toEqual([]);
  });
});
