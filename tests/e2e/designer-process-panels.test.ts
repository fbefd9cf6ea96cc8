// Journey: an admin edits what belongs to the process rather than to a node — two 流程变量, two 阶段
// (reordered), and a 事件处理 with a payload field, a FEEL condition the editor completes with the new
// variable, a variable it sets and a path it opens. A handler without an event name shows in the
// issues panel; clicking the problem opens that handler, where it is fixed; undo and redo step over
// the fix. The autosaved draft holds exactly what was entered; once published, an officer's project
// receives the event from the station head's project page and the handler opens its path. The graph
// itself comes through the API (designing boxes is tests/e2e/designer.test.ts). Screenshots and axe.
import type { Browser, Locator, Page } from 'playwright-core';
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
import { journeyPages } from '../support/journey-pages';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(300_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'designer-process-panels';
const KEY = 'elderly-visit-events';
const TITLE = '洪家楼街道独居老人探访项目';

/** 入户探访 waits for the officer; 住院回访 has no incoming edge: only the event handler opens it. */
const graph = {
  key: KEY,
  name: '为老探访项目',
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    { id: 'visit', kind: 'userTask', name: '入户探访', assignee: { type: 'role', role: 'officer' } },
    { id: 'followUp', kind: 'userTask', name: '住院回访', assignee: { type: 'role', role: 'officer' } },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'visit' },
    { id: 'e2', from: 'visit', to: 'end' },
    { id: 'e3', from: 'followUp', to: 'end' },
  ],
};

const HANDLER = {
  id: 'handler_1',
  event: 'resident.hospitalized',
  name: '探访对象住院',
  interrupting: false,
  target: 'followUp',
  activeIn: ['visit'],
  condition: 'visitCount >= 1 and payload.hospital != null',
  setVariables: { status: '"住院暂停"' },
  payload: [{ name: 'hospital', label: '医院', type: 'text', required: true }],
};

describeWithBrowser('an admin edits the process panel: variables, stages and an event handler', () => {
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
  const saved = (page: Page) => page.getByRole('status').getByText('已保存').waitFor({ timeout: 15_000 });

  /** Writes a value into a field that commits on Enter (names: checked before they are written). */
  async function commit(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    await field.press('Enter');
  }

  it('declares variables, stages and a handler, fixes the handler the issues panel names, publishes, and the handler answers a sent event', async () => {
    const admin = await signInApi(server, demoLogin(server, 'admin'));
    const created = await admin('POST', '/api/definitions', {
      key: KEY,
      name: graph.name,
      definition: graph,
    });
    expect(created.status).toBe(201);

    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
    const adminLogin = demoLogin(server, 'admin');
    await signInAs(page, server.url, adminLogin.username, adminLogin.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/designer/${KEY}`);
    const properties = page.getByRole('complementary', { name: '属性' });
    const issues = page.getByRole('region', { name: '校验问题' });
    await properties.getByRole('heading', { name: '流程属性' }).waitFor();
    // 住院回访 has no way in until a handler opens it.
    await issues
      .getByText(/住院回访/)
      .first()
      .waitFor();

    // 发起角色: the default is explained; 流程变量: two declarations.
    await properties.getByText('默认：项目社工和站长/督导').waitFor();
    await properties.getByText('流程变量 (0)', { exact: true }).click();
    await properties.getByRole('button', { name: '添加变量' }).click();
    const visits = properties.locator('#sgf-variable-0');
    await commit(visits.getByLabel('变量名'), '2visits');
    await visits.getByText('变量名须以字母或下划线开头，只含字母、数字、下划线').waitFor();
    await commit(visits.getByLabel('变量名'), 'visitCount');
    await visits.getByLabel('显示名称').fill('探访次数');
    await chooseOption(visits.getByLabel('类型'), '整数');
    await visits.getByLabel('发起时必填').check();
    await visits.getByLabel('默认值').fill('0');
    await properties.getByRole('button', { name: '添加变量' }).click();
    const status = properties.locator('#sgf-variable-1');
    await commit(status.getByLabel('变量名'), 'visitCount');
    await status.getByText('已有同名变量').waitFor();
    await commit(status.getByLabel('变量名'), 'status');
    await status.getByLabel('显示名称').fill('项目状态');
    await status.getByLabel('默认值').fill('进行中');
    await shot(page, '01-variables');

    // 阶段: two stages, the second moved up; ids come from the names once and stay.
    await properties.getByText('阶段 (0)', { exact: true }).click();
    for (const name of ['项目实施', '项目预估']) {
      await properties.getByLabel('新阶段名称').fill(name);
      await properties.getByRole('button', { name: '添加阶段' }).click();
    }
    await properties.getByRole('button', { name: '上移阶段 项目预估' }).click();
    const stageNames = await properties.getByLabel(/^阶段 \d 名称$/).all();
    expect(await Promise.all(stageNames.map((input) => input.inputValue()))).toEqual([
      '项目预估',
      '项目实施',
    ]);
    await properties.getByText('0 个节点').first().waitFor();
    await shot(page, '02-stages');

    // 事件处理: a handler with a payload field, a FEEL condition and a variable it sets.
    await properties.getByText('事件处理 (0)', { exact: true }).click();
    await properties.getByRole('button', { name: '添加事件处理' }).click();
    const handler = properties.locator('#sgf-handler-0');
    await handler.getByLabel('事件名').fill(HANDLER.event);
    await handler.getByLabel('显示名称').fill(HANDLER.name);
    await chooseOption(handler.getByLabel('从此节点开始新路径'), '住院回访 (followUp)');
    await chooseOption(handler.getByLabel('仅当停留在这些节点时接收'), '入户探访 (visit)');
    await page.keyboard.press('Escape');
    await handler.getByRole('button', { name: '添加字段' }).click();
    await handler.getByLabel('标题', { exact: true }).fill('医院');
    await handler.getByLabel('字段名').fill('hospital');
    await handler.getByRole('checkbox', { name: '必填' }).check();
    // The FEEL editor completes the variable declared a moment ago.
    const condition = handler.getByRole('textbox', { name: '接收条件（FEEL，可用 payload）' });
    await condition.click();
    await page.keyboard.type('visitC');
    await page.getByRole('option', { name: /visitCount/ }).waitFor();
    await page.keyboard.type('ount >= 1 and payload.hospital != null');
    await handler.getByLabel('新变量名').fill('status');
    await handler.getByRole('button', { name: '添加变量' }).click();
    await handler.getByRole('textbox', { name: 'status 的表达式' }).click();
    await page.keyboard.type('"住院暂停"');
    await issues.getByText('没有发现问题').waitFor();
    await page.getByRole('button', { name: '事件处理 1' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, '03-handler');

    // Without an event name the handler is a problem; from a node's panel, the problem opens it.
    await handler.getByLabel('事件名').fill('');
    const problem = issues.getByRole('button', { name: '事件处理「探访对象住院」的事件：不能为空' });
    await problem.waitFor();
    await page.getByLabel('办理任务：入户探访', { exact: true }).click();
    await properties.getByRole('heading', { name: '办理任务' }).waitFor();
    await shot(page, '04-handler-problem');
    await problem.click();
    await properties.getByRole('heading', { name: '流程属性' }).waitFor();
    await handler.getByLabel('事件名').fill(HANDLER.event);
    await issues.getByText('没有发现问题').waitFor();
    await shot(page, '05-fixed');

    // Undo takes the fix back (one step), redo brings it again.
    await page.getByRole('button', { name: '撤销 (Ctrl+Z)' }).click();
    await problem.waitFor();
    await expect(handler.getByLabel('事件名').inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: '重做 (Ctrl+Shift+Z)' }).click();
    await issues.getByText('没有发现问题').waitFor();
    await saved(page);

    // The saved draft holds exactly what was entered.
    const draft = await admin('GET', `/api/definitions/${KEY}/draft`);
    expect(draft.status).toBe(200);
    expect(draft.json!.issues).toEqual([]);
    expect(draft.json!.definition).toMatchObject({
      variables: [
        { name: 'visitCount', label: '探访次数', type: 'integer', required: true, default: 0 },
        { name: 'status', label: '项目状态', type: 'string', required: false, default: '进行中' },
      ],
      stages: [
        { id: 'stage_1', name: '项目预估' },
        { id: 'stage', name: '项目实施' },
      ],
      eventHandlers: [HANDLER],
    });
    expect(draft.json!.definition.starterRoles).toBeUndefined();

    await page.getByRole('button', { name: '发布' }).click();
    const publish = page.getByRole('dialog', { name: '发布流程' });
    await publish.getByText('校验通过，没有问题。', { exact: false }).waitFor();
    await publish.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText('已发布为第 1 版').waitFor();
    await page.close();

    // An officer's project of it; the station head sends the event from the project page.
    const versions = await admin('GET', `/api/definitions/${KEY}/versions`);
    const versionId = (versions.json!.items as { version: number; versionId: string }[]).find(
      (item) => item.version === 1,
    )!.versionId;
    const officer = await signInApi(server, demoLogin(server, 'shegong'));
    const started = await officer('POST', '/api/projects', {
      versionId,
      unitId: await unitIdOf(admin, 'LC-HJL'),
      title: TITLE,
      input: { visitCount: 1 },
    });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;

    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
    const head = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await pages.openProject(head, `${server.url}/projects/${projectId}`);
    await head.getByRole('button', { name: '发送事件' }).click();
    const dialog = head.getByRole('dialog', { name: `向「${TITLE}」发送事件` });
    await dialog.getByText(HANDLER.name).waitFor();
    await dialog.getByLabel('操作说明').fill('家属来电：老人因跌倒住院');
    await dialog.getByLabel('医院').fill('济南市中心医院');
    await pages.shot(head, '06-send-event');
    await dialog.getByRole('button', { name: /^发\s*送$/ }).click();
    await head.getByText('事件已发送').waitFor();
    await head.getByText('收到外部事件「探访对象住院」：医院：济南市中心医院').waitFor();
    // The handler opened its path: 住院回访 waits beside 入户探访; the stage bar shows the declared stages.
    await head.getByRole('link', { name: '住院回访' }).waitFor();
    await head.getByRole('link', { name: '入户探访' }).waitFor();
    await head.getByText('项目实施').waitFor();
    await pages.shot(head, '07-path-opened');
    await head.close();

    const project = await officer('GET', `/api/projects/${projectId}`);
    expect(project.json).toMatchObject({
      status: 'running',
      variables: { visitCount: 1, status: '住院暂停' },
    });
  });
});
