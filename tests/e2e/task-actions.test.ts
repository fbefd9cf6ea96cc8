// Journey: the station head transfers (转办) his approval of a lifecycle project to the county
// centre's supervisor, who reads his note on the task and approves it; then the station head
// approves two other projects at once from his inbox (批量同意) and reads the result of each.
// The projects reach the station head's approval through the API (the UI path up to there is
// tests/e2e/project-lifecycle-journey.test.ts). Screenshots at 1366×768 at each milestone.
import type { Browser, Page } from 'playwright-core';
import { chooseOption, chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  type ApiCall,
  demoLogin,
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
});
