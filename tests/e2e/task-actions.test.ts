// Journey: the station head transfers (转办) his approval of a lifecycle project to the county
// centre's supervisor, who reads his note on the task and approves it; then the station head
// approves two other projects at once from his inbox (批量同意) and reads the result of each; the
// centre sends a plan back to the assessment (退回到环节), the stage bar shows the plan as 已退回,
// and the officer finds her assessment and then her plan filled in, changes one field of each and
// resubmits; the inbox's tabs at phone width. The projects reach the approvals through the API (the
// UI path up to there is tests/e2e/project-lifecycle-journey.test.ts). Screenshots at 1366×768 at
// each milestone, and at 390×844 for the phone.
import type { Browser, Page } from 'playwright-core';
import {
  chooseOption,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  signInAs,
} from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  type ApiCall,
  approveAs,
  demoLogin,
  LIFECYCLE_PLAN,
  lifecycleProjectAtCentreApproval,
  lifecycleProjectAtHeadApproval,
  signInApi,
} from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'task-actions';
const TRANSFERRED = '洪家楼街道独居老人探访项目';
const BULK = ['洪家楼街道儿童课后照护项目', '洪家楼街道助餐点运营项目'];
const RETURNED = '洪家楼街道困境儿童关爱项目';
const PHONE = '洪家楼街道社区睦邻互助项目';
const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

describeWithBrowser('hand-overs and bulk approval in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: ApiCall;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    officer = await signInApi(server, demoLogin(server, 'shegong'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openTasks(projectId: string): Promise<{ id: string; nodeId: string }[]> {
    const project = await officer('GET', `/api/projects/${projectId}`);
    return (project.json!.tasks as { id: string; nodeId: string; status: string }[]).filter(
      (task) => task.status === 'open',
    );
  }

  const atHeadApproval = (title: string) => lifecycleProjectAtHeadApproval(server, title);

  it('the station head transfers his approval to the centre, who approves it', async () => {
    const projectId = await atHeadApproval(TRANSFERRED);
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TRANSFERRED });

    const head = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await pages.openTaskFromInbox(head, '站长审批', '01-head-inbox');
    await head.getByRole('button', { name: /^转\s*办$/ }).click();
    const dialog = head.getByRole('dialog', { name: '转办' });
    await chooseOption(dialog.getByLabel('交给'), '赵敏（指导中心督导）');
    await dialog.getByLabel('说明').fill('本人下周外出培训，请中心代为审批。');
    await pages.shot(head, '02-head-transfers');
    await dialog.getByRole('button', { name: /^转\s*办$/ }).click();
    await head.waitForURL((url) => url.pathname === '/inbox');
    await head.close();

    const centre = await pages.signedIn(demoLogin(server, 'zhongxin'));
    await pages.openTaskFromInbox(centre, '站长审批', '03-centre-inbox');
    await centre.getByText('王建国（站长） 转办给 赵敏（指导中心督导）').waitFor();
    await centre.getByText('本人下周外出培训，请中心代为审批。').waitFor();
    await pages.shot(centre, '04-centre-reads-the-note');
    await centre.getByRole('button', { name: /^同\s*意$/ }).click();
    const approve = centre.getByRole('dialog', { name: '同意' });
    await approve.getByLabel('审批意见').fill('同意进入计划阶段。');
    await approve.getByRole('button', { name: /^同\s*意$/ }).click();
    await centre.waitForURL((url) => url.pathname === '/inbox');

    // The project's timeline names the hand-over with its note; the plan is the officer's now.
    await pages.openProject(centre, `${server.url}/projects/${projectId}`);
    await centre.getByText('将「站长审批」转办给赵敏（指导中心督导）').waitFor();
    await pages.shot(centre, '05-timeline-names-the-transfer');
    await centre.close();
    expect((await openTasks(projectId)).map((task) => task.nodeId)).toEqual(['plan']);
  });

  it('the station head approves two projects at once and sees the result of each', async () => {
    const projectIds = [await atHeadApproval(BULK[0]!), await atHeadApproval(BULK[1]!)];
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: BULK[0]! });
    const head: Page = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await head.goto(`${server.url}/inbox?view=candidates`);
    for (const title of BULK) {
      const row = head.getByRole('row').filter({ hasText: title });
      await row.getByRole('checkbox', { name: `选择“${title}”的“站长审批”` }).check();
    }
    await pages.shot(head, '06-bulk-selected');
    await head.getByRole('button', { name: '批量同意（2）' }).click();
    const dialog = head.getByRole('dialog', { name: '批量同意 2 项审批' });
    await dialog.getByLabel('审批意见').fill('材料齐全，同意。');
    await dialog.getByRole('button', { name: /^同\s*意$/ }).click();
    const results = head.getByRole('dialog', { name: '批量同意结果' });
    await results.getByText('已同意 2 项，未能同意 0 项').waitFor();
    for (const title of BULK) await results.getByText(`${title} · 站长审批`).waitFor();
    // The dialog zooms in: the screenshot waits until it stands still.
    await head.waitForTimeout(500);
    await pages.shot(head, '07-bulk-results');
    await head.close();
    for (const projectId of projectIds)
      expect((await openTasks(projectId)).map((task) => task.nodeId)).toEqual(['plan']);
  });

  it('the centre sends the plan back to the assessment; the officer finds her work filled in and resubmits', async () => {
    const projectId = await lifecycleProjectAtCentreApproval(server, RETURNED);
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: RETURNED });
    const projectUrl = `${server.url}/projects/${projectId}`;

    const centre = await pages.signedIn(demoLogin(server, 'zhongxin'));
    await pages.openTaskFromInbox(centre, '指导中心审批', '08-centre-inbox');
    await centre.getByRole('button', { name: '退回到环节' }).click();
    const dialog = centre.getByRole('dialog', { name: '退回到环节' });
    await chooseOption(dialog.getByLabel('退回到'), '项目预估（需求评估）');
    await dialog.getByLabel('说明').fill('服务对象需细分，请重新预估。');
    await pages.shot(centre, '09-centre-returns-to-assessment');
    await dialog.getByRole('button', { name: '退回到环节' }).click();
    await centre.waitForURL((url) => url.pathname === '/inbox');

    // The stage bar: the work is back in 预估; 计划 is no longer ticked but marked 已退回.
    await pages.openProject(centre, projectUrl);
    expect(await pages.stagesWith(centre, 'process')).toEqual(['预估']);
    expect(await pages.stagesWith(centre, 'finish')).toEqual([]);
    const returned = centre.locator('.sgf-work-stages .ant-steps-item-wait').filter({ hasText: '已退回' });
    expect(await returned.locator('.ant-steps-item-title').allTextContents()).toEqual(['计划']);
    await pages.shot(centre, '10-stage-bar-plan-returned');
    await centre.close();

    // The officer's assessment comes back with what she submitted, and a notice saying so.
    const officerPage = await pages.signedIn(demoLogin(server, 'shegong'));
    await pages.openTaskFromInbox(officerPage, '项目预估（需求评估）', '11-officer-inbox');
    // Why it came back first: who sent it back, when, and the centre's comment.
    await officerPage.getByText(/^赵敏（指导中心督导） 于 .+ 退回：服务对象需细分，请重新预估。$/).waitFor();
    await officerPage.getByText(/^已带出 李晓梅.* 于 .+ 提交的内容，可修改后重新提交$/).waitFor();
    expect(await officerPage.getByLabel('服务对象').inputValue()).toBe('辖区独居、空巢老人和留守儿童');
    await officerPage
      .locator('.ant-form-item')
      .filter({ hasText: '服务领域' })
      .getByText('为老服务')
      .waitFor();
    const summary = officerPage.getByLabel('需求评估摘要');
    expect(await summary.inputValue()).toBe('走访 120 户，独居老人助餐与儿童课后照护需求突出。');
    await summary.fill('走访 120 户：独居老人 46 户需助餐，困境儿童 18 名需课后照护。');
    await pages.shot(officerPage, '12-assessment-filled-in');
    await pages.submit(officerPage);

    // Once the station head approves again, the plan comes back filled in too: its table, date and budget.
    await approveAs(
      await signInApi(server, demoLogin(server, 'zhanzhang')),
      projectId,
      'headApproval',
      '同意。',
    );
    await pages.openTaskFromInbox(officerPage, '项目计划', '13-plan-inbox');
    await officerPage.getByText(/^已带出 李晓梅.* 提交的内容，可修改后重新提交$/).waitFor();
    expect(await officerPage.getByLabel('项目目标').inputValue()).toBe(LIFECYCLE_PLAN.objectives);
    expect(await officerPage.getByLabel('活动名称（第 1 行）').inputValue()).toBe('重阳节敬老活动');
    expect(await officerPage.getByLabel('计划日期（第 1 行）').inputValue()).toBe('2026-12-01');
    expect(await officerPage.getByLabel('预计参与人数（第 1 行）').inputValue()).toBe('60');
    expect(await officerPage.getByLabel('目标值（第 1 行）').inputValue()).toBe('2400');
    const budget = officerPage.getByLabel('预算（元）');
    expect(await budget.inputValue()).toBe('12000');
    await budget.fill('15000');
    await pages.shot(officerPage, '14-plan-filled-in');
    await pages.submit(officerPage);
    await officerPage.close();

    // What reached the server: the changed fields, and everything else as first submitted.
    const project = await officer('GET', `/api/projects/${projectId}`);
    const forms = project.json!.forms as { nodeId: string; data: Record<string, unknown> }[];
    const [assessment, plan] = ['assess', 'plan'].map((nodeId) =>
      forms.filter((f) => f.nodeId === nodeId).at(-1),
    );
    expect(assessment!.data).toEqual({
      targetGroup: '辖区独居、空巢老人和留守儿童',
      serviceDomain: '为老服务',
      needsSummary: '走访 120 户：独居老人 46 户需助餐，困境儿童 18 名需课后照护。',
    });
    expect(plan!.data).toEqual({ ...LIFECYCLE_PLAN, budgetYuan: 15000 });
  });

  it('keeps the inbox tabs and their counts in view at phone width', async () => {
    await atHeadApproval(PHONE);
    const login = demoLogin(server, 'zhanzhang');
    const page = await browser.newPage({ locale: 'zh-CN', viewport: PHONE_VIEWPORT });
    await signInAs(page, server.url, login.username, login.password);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.url}/inbox?view=candidates`);
    const tabs = page.getByRole('tab');
    await page.getByRole('row').filter({ hasText: PHONE }).waitFor();
    const names = (await tabs.allTextContents()).map((text) => text.replace(/\d+$/, ''));
    expect(names).toEqual(['我的待办', '待认领', '已办', '抄送我的']);
    // Every tab lies on the screen (none behind the tab bar's ⋯ menu), and the page does not scroll sideways.
    for (const box of await Promise.all((await tabs.all()).map((tab) => tab.boundingBox()))) {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    }
    expect(await page.locator('.ant-tabs-nav-more').isVisible()).toBe(false);
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await page.getByRole('combobox', { name: '排序' }).waitFor();
    // The row's 认领 lies on the screen, beside the task and its project, and claims it.
    const claim = page.getByRole('button', { name: `认领“${PHONE}”的“站长审批”` });
    const claimBox = (await claim.boundingBox())!;
    expect(claimBox.x + claimBox.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await saveScreenshot(page, JOURNEY, '15-phone-inbox-tabs');
    await claim.click();
    await page.getByRole('heading', { name: '站长审批', level: 1 }).waitFor();
    await page.close();
  });
});
