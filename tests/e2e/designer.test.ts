// Journey: an admin designs "社区志愿服务项目" from an empty canvas — drags a task and an approval
// from the palette, connects them, sees the issues panel report a problem and fixes it in the
// property panel, saves (autosave) and publishes; an officer then finds the process in the
// start-project wizard. A second admin's save in between is met with a choice, not overwritten.
// Screenshots at each milestone.
import type { Browser, Page } from 'playwright-core';
import type { ProcessNode } from '../../workflows/engine/definition-schema';
import {
  OFFICE_VIEWPORT,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  seriousA11yViolations,
  signInAs,
} from '../support/browser';
import { designerSteps } from '../support/designer-steps';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'designer';
const PROCESS = { key: 'community-volunteers', name: '社区志愿服务项目' };

describeWithBrowser('an admin designs, fixes and publishes a process in the designer', () => {
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
  const login = (username: string) => server.demoLogins.find((entry) => entry.username === username)!;

  it('builds 社区志愿服务项目 from the palette, fixes what the issues panel reports, saves and publishes; an officer can start it', async () => {
    const admin = login('admin');
    const page = await newPage();
    await signInAs(page, server.url, admin.username, admin.password);
    await page.getByRole('link', { name: '流程设计' }).click();
    await page.getByRole('heading', { name: '流程设计' }).waitFor();

    // 新建流程: the server makes an empty start → end graph.
    const { node, drop, connect, issues, properties, saved, publish, createProcess } = designerSteps(page);
    await createProcess(PROCESS);
    await shot(page, '01-empty-canvas');

    // The direct start → end edge goes: select it and press Delete.
    await page.locator('.react-flow__edge').first().click({ force: true });
    await page.keyboard.press('Delete');
    await page.locator('.react-flow__edge').first().waitFor({ state: 'detached' });

    // A task and an approval dragged from the palette onto the canvas.
    await drop('办理任务', { x: 0.3, y: 0.2 });
    await node('办理任务：办理任务').waitFor();
    await drop('审批', { x: 0.72, y: 0.2 });
    await node('审批：审批').waitFor();
    await issues.getByText(/节点「办理任务」从开始节点不可达/).waitFor();
    await shot(page, '02-nodes-dropped');

    // Connected: start → task → approval; approve → end, reject → back to the task.
    await connect('start', 'userTask_1');
    await connect('userTask_1', 'approval_1');
    await connect('approval_1', 'end');
    await connect('approval_1', 'userTask_1');
    await page.locator('.react-flow__edge').nth(3).waitFor();
    await expect(page.locator('.react-flow__edge-text').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['通过', '不通过']),
    );
    // A second edge between the same nodes is refused, and the canvas says why.
    await connect('start', 'userTask_1');
    await page.getByText('这两个节点之间已有连线').waitFor();
    await issues.getByText('没有发现问题').waitFor();
    // 自动排列 lays the graph out left to right.
    await page.getByRole('button', { name: '自动排列' }).click();
    // The layout lands asynchronously (elk): wait until 开始 is left of the task.
    const leftOf = async (name: string) => (await node(name).boundingBox())!.x;
    for (let tries = 0; (await leftOf('开始：开始')) >= (await leftOf('办理任务：办理任务')); tries += 1) {
      expect(tries).toBeLessThan(50);
      await page.waitForTimeout(100);
    }
    // Every edge ends in an arrowhead; 不通过 back to the task runs below the nodes, not over the
    // forward edge between them, with its label on it.
    const edgePaths = page.locator('.react-flow__edge-path');
    await expect(edgePaths.count()).resolves.toBe(4);
    for (const path of await edgePaths.all())
      await expect(path.getAttribute('marker-end')).resolves.toContain('arrowclosed');
    const back = page.locator('.react-flow__edge-back[data-id="approval_1-userTask_1"]');
    await back.getByText('不通过').waitFor();
    const forward = (await page
      .locator('.react-flow__edge[data-id="userTask_1-approval_1"] path')
      .first()
      .boundingBox())!;
    const backBox = (await back.locator('.react-flow__edge-path').boundingBox())!;
    expect(backBox.y + backBox.height).toBeGreaterThan(forward.y + forward.height + 30);
    await shot(page, '02b-arranged-back-edge');
    // Assistive technology hears Chinese names without icon names: the palette, the toolbar, the
    // edges by their nodes, React Flow's controls.
    await page
      .getByRole('navigation', { name: '节点面板（拖到画布或点击添加）' })
      .getByRole('button', { name: '办理任务', exact: true })
      .waitFor();
    await page.getByRole('button', { name: '试运行', exact: true }).waitFor();
    await page.getByRole('group', { name: '连线：审批 → 办理任务（不通过）', exact: true }).waitFor();
    await page.getByRole('button', { name: '放大', exact: true }).waitFor();

    // The task is named in its panel.
    await node('办理任务：办理任务').click();
    await properties.getByLabel('名称', { exact: true }).fill('志愿者招募');
    await node('办理任务：志愿者招募').waitFor();

    // A 2-of-3 quorum asked for one seat too early: the issues panel says so and badges the node.
    await node('审批：审批').click();
    await properties.getByLabel('通过规则').click();
    await page.getByTitle('达到人数即通过', { exact: true }).click();
    await properties.getByLabel('通过人数').fill('2');
    const quorumProblem = issues.getByRole('button', { name: '审批「审批」的通过人数 2 超过席位数 1' });
    await quorumProblem.waitFor();
    await expect(node('审批：审批').getByText('1', { exact: true }).isVisible()).resolves.toBe(true);
    await shot(page, '03-issue-reported');

    // Clicking the problem selects its node; three seats fix it.
    await node('办理任务：志愿者招募').click();
    await quorumProblem.click();
    await properties.getByRole('heading', { name: '审批' }).waitFor();
    await properties.getByLabel('人数', { exact: true }).fill('3');
    await issues.getByText('没有发现问题').waitFor();
    await saved();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, '04-fixed-and-saved');

    // Undo brings the problem back, redo fixes it again.
    await page.keyboard.press('Control+z');
    await quorumProblem.waitFor();
    await page.keyboard.press('Control+Shift+z');
    await issues.getByText('没有发现问题').waitFor();
    await saved();

    // The saved draft is what the canvas shows.
    const adminApi = apiAgent(server.url);
    await adminApi('POST', '/api/auth/login', { username: admin.username, password: admin.password });
    const draft = await adminApi('GET', `/api/definitions/${PROCESS.key}/draft`);
    expect(draft.status).toBe(200);
    expect(draft.json!.issues).toEqual([]);
    const savedNodes = draft.json!.definition.nodes as ProcessNode[];
    const approval = savedNodes.find((candidate) => candidate.id === 'approval_1');
    if (approval?.kind !== 'approval') throw new Error('the draft has no approval_1');
    expect([approval.policy, approval.approvers[0]?.seats]).toEqual([{ type: 'quorum', n: 2 }, 3]);

    // Publish: the summary says there is nothing to fix.
    await publish(1, () => shot(page, '05-publish-summary'));

    // The officer finds it among the processes to start.
    const officerLogin = login('shegong');
    const officer = await newPage();
    await signInAs(officer, server.url, officerLogin.username, officerLogin.password);
    await officer.waitForURL((url) => !url.pathname.startsWith('/login'));
    await officer.goto(`${server.url}/projects/new`);
    await officer.getByRole('radio', { name: new RegExp(PROCESS.name) }).waitFor();
    await saveScreenshot(officer, JOURNEY, '06-officer-can-start');
  });

  it("meets another admin's save with a choice: load theirs", async () => {
    const admin = login('admin');
    const page = await newPage();
    await signInAs(page, server.url, admin.username, admin.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/designer/${PROCESS.key}`);
    const { node, drop, connect, properties, saved } = designerSteps(page);
    await node('审批：审批').waitFor();

    // The editor opened version 1; its first edit makes the draft.
    await node('审批：审批').click();
    await properties.getByLabel('名称', { exact: true }).fill('站长审批');
    await saved();

    // Meanwhile another admin renames the task in the same draft.
    const other = apiAgent(server.url);
    await other('POST', '/api/auth/login', { username: admin.username, password: admin.password });
    const draft = await other('GET', `/api/definitions/${PROCESS.key}/draft`);
    const theirNodes = draft.json!.definition.nodes as ProcessNode[];
    const theirs = {
      ...draft.json!.definition,
      nodes: theirNodes.map((candidate) =>
        candidate.id === 'userTask_1' ? { ...candidate, name: '志愿者登记' } : candidate,
      ),
    };
    const theirSave = await other(
      'PUT',
      `/api/definitions/${PROCESS.key}/draft`,
      { definition: theirs },
      {
        'if-match': draft.headers.get('etag') ?? '',
      },
    );
    expect(theirSave.status).toBe(200);

    // This editor's next save meets their revision: nothing is overwritten until the admin chooses.
    await properties.getByLabel('名称', { exact: true }).fill('站长终审');
    const conflict = page.getByRole('dialog', { name: '其他管理员已保存了这个草稿' });
    await conflict.waitFor({ timeout: 15_000 });
    await shot(page, '07-conflict-choice');
    await conflict.getByRole('button', { name: '载入对方的版本' }).click();
    await node('办理任务：志愿者登记').waitFor();
    await node('审批：站长审批').waitFor();

    // A decision's second edge takes a FEEL condition, checked as it is typed.
    await drop('条件分支', { x: 0.4, y: 0.15 });
    await connect('gateway_1', 'userTask_1');
    await connect('gateway_1', 'end');
    await node('条件分支：条件分支').click();
    const condition = page.getByRole('textbox', { name: '通往「结束」的条件' });
    await condition.click();
    await page.keyboard.type('budget >');
    await properties.getByText(/条件无法解析/).waitFor();
    await page.keyboard.type(' 10000');
    await properties.getByText('未知的变量：budget').waitFor();
    await shot(page, '08-feel-condition');
  });
});
