// Journey: the officer names who handles the next step (下一步办理人, a 人员选择 field) on the task
// page; the county centre's supervisor she chose finds the step in 我的待办 and completes it (that
// nobody else gets it is tests/integration/assignees-api.test.ts); the step for the unit's head
// reaches the station head, whom the admin's units page names as 负责人. The process is published for the test
// through the database and started through the API; every step after is in the browser.
// Screenshots at 1366×768 at each milestone.
import type { Browser } from 'playwright-core';
import { chooseOption, chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { publishDefinition } from '../support/runtime-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { type ApiCall, demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'assignees';
const TITLE = '洪家楼街道高龄老人走访项目';

/** The officer plans the visits and names who leads them; that person leads them; the station's head reads the result. */
const visits = {
  key: 'visit-with-chosen-lead',
  name: '走访安排（指定办理人）',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'planVisits',
      kind: 'userTask',
      name: '制定走访方案',
      assignee: { type: 'starter' },
      form: [
        { name: 'visitPlan', label: '走访方案', type: 'textarea', required: true },
        { name: 'visitLead', label: '下一步办理人', type: 'user', required: true },
      ],
    },
    {
      id: 'leadVisits',
      kind: 'userTask',
      name: '带队走访',
      assignee: { type: 'variable', name: 'visitLead' },
    },
    { id: 'headReview', kind: 'userTask', name: '站长审阅', assignee: { type: 'unitHead' } },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'planVisits' },
    { id: 'e2', from: 'planVisits', to: 'leadVisits' },
    { id: 'e3', from: 'leadVisits', to: 'headReview' },
    { id: 'e4', from: 'headReview', to: 'end' },
  ],
};

describeWithBrowser('the next handler chosen on the task page, in a real browser', () => {
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

  it('the officer picks the centre’s supervisor, who finds the step in her inbox and completes it', async () => {
    const versionId = await publishDefinition(server.databaseUrl, visits);
    const started = await officer('POST', '/api/projects', {
      versionId,
      unitId: await unitIdOf(officer, 'LC-HJL'),
      title: TITLE,
      input: {},
    });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });

    const page = await pages.signedIn(demoLogin(server, 'shegong'));
    await pages.openTaskFromInbox(page, '制定走访方案', '01-officer-inbox');
    await page.getByLabel('走访方案').fill('每周二、四上午走访辖区 80 岁以上独居老人。');
    // Only people of the station and the centre above it are offered: not the room's officer.
    await page.getByLabel('下一步办理人').click();
    // antd draws each option as an item titled with its label.
    await page.getByTitle('王建国（站长）', { exact: true }).waitFor();
    expect(await page.getByTitle('孙丽（社工室社工）', { exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await chooseOption(page.getByLabel('下一步办理人'), '赵敏（指导中心督导）');
    await pages.shot(page, '02-officer-chooses-the-lead');
    await pages.submit(page);
    await page.close();

    const centre = await pages.signedIn(demoLogin(server, 'zhongxin'));
    await pages.openTaskFromInbox(centre, '带队走访', '03-chosen-lead-inbox');
    await pages.submit(centre);
    await centre.close();

    // The step for the unit's head (unitHead) is the station head's own, in 我的待办.
    const head = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await pages.openTaskFromInbox(head, '站长审阅', '04-unit-head-inbox');
    await pages.submit(head);
    await pages.openProject(head, `${server.url}/projects/${projectId}`);
    // The plan's form names the person chosen, not their user id.
    await head
      .getByRole('row')
      .filter({ hasText: '下一步办理人' })
      .getByText('赵敏（指导中心督导）', { exact: true })
      .waitFor();
    await pages.shot(head, '05-project-completed');
    await head.close();
    const project = await officer('GET', `/api/projects/${projectId}`);
    expect(project.json!.status).toBe('completed');
  });

  it('the admin sees the station’s head on the units page and opens 设置负责人', async () => {
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
    const admin = await pages.signedIn(demoLogin(server, 'admin'));
    await admin.getByRole('link', { name: '系统管理' }).click();
    await admin.getByRole('link', { name: '组织机构' }).click();
    const station = '洪家楼街道社会工作服务站';
    await admin.getByRole('tree', { name: '组织机构' }).getByText(station, { exact: true }).click();
    await admin.getByRole('heading', { name: station }).waitFor();
    await admin.getByText('王建国（站长）').waitFor();
    await admin.getByRole('button', { name: '设置负责人' }).click();
    const dialog = admin.getByRole('dialog', { name: `设置「${station}」的负责人` });
    await dialog.getByLabel('负责人').waitFor();
    await pages.shot(admin, '06-admin-unit-head');
    await admin.close();
  });
});
