// Journey: an admin dry-runs "社区志愿服务项目" in the designer before publishing it — starts it with
// sample values (only the starter's variables are asked for), completes 志愿者招募 with the sample
// budget (after the engine refused the form without one), casts two 同意 of the three station heads'
// seats, sees the token wait at 公示三天, fires the timer and reaches 项目立项; then saves the script,
// restarts, replays it, goes back to a step, and loads a script whose step the graph no longer
// allows. The panel names nodes, sample people and timers, never the engine's ids. A run held at an
// incident says where and why. A process with problems is refused.
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { DRY_RUN_KEY, dryRunDefinitionInput } from '../fixtures/dry-run-definition';
import {
  OFFICE_VIEWPORT,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  seriousA11yViolations,
  signInAs,
} from '../support/browser';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'designer-dry-run';
const SEAT = (n: number) => `表决「站长审批」第 ${n} 席（示例站长/督导 ${n}）`;
/** Engine ids the panel must never show: tasks, timers, sample people's user ids. */
const ENGINE_IDS = /task-\d|timer-\d|sample-|dry-run-/;

describeWithBrowser('an admin dry-runs a process on the canvas', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A node on the canvas by its accessible name: kind：name, then its dry-run mark. */
  const node = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });
  const shot = (page: Page, step: string) => saveScreenshot(page, JOURNEY, step);

  /** Saves a definition through the API as the admin and opens it in the designer, signed in as them. */
  async function openInDesigner(definition: { key: string; name: string }) {
    const admin = server.demoLogins.find((entry) => entry.username === 'admin')!;
    const api = apiAgent(server.url);
    await api('POST', '/api/auth/login', { username: admin.username, password: admin.password });
    const created = await api('POST', '/api/definitions', {
      key: definition.key,
      name: definition.name,
      definition,
    });
    expect(created.status).toBe(201);
    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT, acceptDownloads: true });
    await signInAs(page, server.url, admin.username, admin.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/designer/${definition.key}`);
    await node(page, '开始：开始').waitFor();
    return { page, api };
  }

  it('steps through task, 2-of-3 approval, gateway and timer to the end; saves, restarts and replays the script', async () => {
    const { page, api } = await openInDesigner(dryRunDefinitionInput);

    // 试运行: the palette and property panel give way to the dry run's panel; the canvas is read-only.
    await page.getByRole('button', { name: '试运行' }).click();
    const panel = page.getByRole('region', { name: '试运行', exact: true });
    await panel.getByRole('status').getByText('尚未启动').waitFor();
    expect(await page.getByRole('navigation', { name: '节点面板（拖到画布或点击添加）' }).count()).toBe(0);
    await expect(page.getByRole('button', { name: '撤销 (Ctrl+Z)' }).isDisabled()).resolves.toBe(true);
    const start = panel.getByRole('group', { name: '启动流程' });
    await expect(start.getByLabel('项目名称（projectName）').inputValue()).resolves.toBe('示例项目名称');
    // Only what a starter provides: the budget (the form's) and the decision (the approval's) are the
    // process's own; the optional 联系人 is left blank, as a starter who fills in only what is required.
    await expect(start.getByLabel('联系人（contact）').inputValue()).resolves.toBe('');
    expect(await start.getByRole('textbox').count()).toBe(2);
    expect(await start.getByText(/budget|decision/).count()).toBe(0);
    // The required start value is checked before the engine sees it.
    await start.getByLabel('项目名称（projectName）').fill('');
    await start.getByRole('button', { name: '启动流程' }).click();
    await start.getByText('必填').waitFor();
    await start.getByLabel('项目名称（projectName）').fill('社区志愿服务');
    await start.getByRole('button', { name: '启动流程' }).click();

    const variables = panel.getByRole('region', { name: '流程变量' });
    const effects = panel.getByRole('region', { name: '上一步的效果' });
    const trace = panel.getByRole('region', { name: '步骤记录' });
    await node(page, '办理任务：志愿者招募（当前）').waitFor();
    await node(page, '开始：开始（已经过）').waitFor();
    await variables.getByRole('row', { name: '项目名称（projectName） 社区志愿服务' }).waitFor();
    await effects.getByText('创建任务「志愿者招募」，办理人：示例项目社工 1').waitFor();
    expect(await page.locator('.react-flow__edge.sgf-dry-run-taken').count()).toBe(1);
    await shot(page, '01-started');

    // The engine refuses the form without its required budget and says why; nothing moves.
    const recruit = panel.getByRole('group', { name: '完成「志愿者招募」' });
    const budget = recruit.getByLabel('预算（budget）');
    await expect(budget.inputValue()).resolves.toBe('10000');
    await budget.fill('');
    await recruit.getByRole('button', { name: '完成「志愿者招募」' }).click();
    const refusal = panel.getByRole('alert');
    await refusal.getByText('引擎拒绝了这一步：表单数据不符合要求').waitFor();
    await refusal.getByText('预算（budget）：必填').waitFor();
    await node(page, '办理任务：志愿者招募（当前）').waitFor();
    await shot(page, '02-refused');

    // With the sample budget back, the task completes and three seats of 站长审批 open.
    await budget.fill('10000');
    await recruit.getByRole('button', { name: '完成「志愿者招募」' }).click();
    await node(page, '审批：站长审批（当前）').waitFor();
    await node(page, '办理任务：志愿者招募（已经过）').waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
    await variables.getByRole('row', { name: '预算（budget） 10000' }).waitFor();
    await effects.getByText('开启审批「站长审批」第 3 席，审批人：示例站长/督导 3').waitFor();
    for (const n of [1, 2, 3]) await panel.getByRole('group', { name: SEAT(n) }).waitFor();
    await shot(page, '03-approval-open');

    // Two 同意 of three decide the quorum: budget > 5000 sends the token to the public notice timer.
    await panel
      .getByRole('group', { name: SEAT(1) })
      .getByRole('button', { name: '同意', exact: true })
      .click();
    await trace.getByText(/表决「站长审批」：同意（示例站长\/督导 1）/).waitFor();
    await node(page, '审批：站长审批（当前）').waitFor();
    expect(await panel.getByRole('group', { name: SEAT(1) }).count()).toBe(0);
    await panel
      .getByRole('group', { name: SEAT(2) })
      .getByRole('button', { name: '同意', exact: true })
      .click();
    await node(page, '定时：公示三天（当前）').waitFor();
    await node(page, '条件分支：预算判断（已经过）').waitFor();
    await node(page, '审批：站长审批（已经过）').waitFor();
    await variables.getByRole('row', { name: '审批结论（decision） 通过（approve）' }).waitFor();
    await effects.getByText(/^定时器「公示三天」将于 .+ 触发$/).waitFor();
    expect(await panel.innerText()).not.toMatch(ENGINE_IDS);
    expect(await page.locator('.react-flow__edge.sgf-dry-run-taken').count()).toBe(4);
    await shot(page, '04-timer-waiting');

    // Firing the timer moves the simulated clock three days on; the process ends at 项目立项.
    await panel.getByRole('button', { name: /^触发定时器「公示三天」（到 / }).click();
    await panel.getByRole('status').getByText('流程已结束，到达「项目立项」').waitFor();
    await node(page, '结束：项目立项（已经过）').waitFor();
    await effects.getByText('流程结束，到达「项目立项」，结果：已通过').waitFor();
    expect(await panel.innerText()).not.toMatch(ENGINE_IDS);
    expect(await page.locator('.react-flow__node.sgf-dry-run-current').count()).toBe(0);
    expect(await node(page, '结束：未通过').count()).toBe(1);
    expect(await trace.getByRole('listitem').count()).toBe(5);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, '05-completed');

    // The script is saved with the definition, downloaded as the simulate API's `events`, and replayed.
    await panel.getByRole('button', { name: '保存脚本' }).click();
    await page.getByText('已保存脚本（5 步）').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '下载脚本' }).click(),
    ]);
    const script = JSON.parse(await readFile(await download.path(), 'utf8')) as Array<{
      at: string;
      event: { type: string; taskId?: string };
    }>;
    expect(script.map((entry) => entry.event.type)).toEqual([
      'started',
      'taskCompleted',
      'approvalVoted',
      'approvalVoted',
      'timerFired',
    ]);
    const simulated = await api('POST', `/api/definitions/${DRY_RUN_KEY}/simulate`, {
      source: { draft: true },
      events: script,
    });
    expect(simulated.status).toBe(200);
    expect(simulated.json).toMatchObject({ final: { status: 'completed', outcome: 'approved' } });

    await panel.getByRole('button', { name: '重新开始' }).click();
    await panel.getByRole('status').getByText('尚未启动').waitFor();
    expect(await page.locator('.react-flow__node.sgf-dry-run-passed').count()).toBe(0);
    await panel.getByRole('button', { name: '载入脚本' }).click();
    await page.getByRole('menuitem', { name: '载入已保存的脚本' }).click();
    await panel.getByRole('status').getByText('流程已结束，到达「项目立项」').waitFor();

    // 回到此步: the script replayed up to the first vote leaves the approval waiting for one more.
    await trace.getByRole('button', { name: '回到第 3 步' }).click();
    await node(page, '审批：站长审批（当前）').waitFor();
    expect(await trace.getByRole('listitem').count()).toBe(3);
    await panel.getByRole('group', { name: SEAT(2) }).waitFor();
    await shot(page, '06-back-to-step-3');

    // A script whose vote names a task the graph no longer opens: the step shows the engine's refusal.
    const changed = script.map((entry, index) =>
      index === 2 ? { ...entry, event: { ...entry.event, taskId: 'task-9' } } : entry,
    );
    await panel.getByRole('button', { name: '载入脚本' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('menuitem', { name: '从文件载入…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'script.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(changed)),
    });
    await trace.getByText(/引擎拒绝了这一步：待办 task-9 不存在或已关闭/).waitFor();
    // The menu has closed (half faded, its text would fail axe's contrast check).
    await page.getByRole('menuitem', { name: '从文件载入…' }).waitFor({ state: 'hidden' });
    await node(page, '审批：站长审批（当前）').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, '07-replayed-with-refusal');

    // Esc leaves the dry run: the editor is back, editable.
    await page.locator('body').press('Escape');
    await page.getByRole('navigation', { name: '节点面板（拖到画布或点击添加）' }).waitFor();
    await node(page, '审批：站长审批').waitFor();
    await page.getByRole('button', { name: '试运行' }).waitFor();
  });

  it('says where a run is held when a condition cannot decide', async () => {
    // 金额 is optional: started without it, `amount > 1` is no boolean and the gateway holds the token.
    const held = {
      key: 'dry-run-held',
      name: '金额分流',
      variables: [{ name: 'amount', label: '金额', type: 'number' }],
      nodes: [
        { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 80 } },
        { id: 'check', kind: 'gateway', name: '金额判断', position: { x: 200, y: 72 } },
        { id: 'big', kind: 'end', name: '大额', position: { x: 420, y: 0 } },
        { id: 'small', kind: 'end', name: '小额', position: { x: 420, y: 160 } },
      ],
      edges: [
        { id: 'start-check', from: 'start', to: 'check' },
        { id: 'check-big', from: 'check', to: 'big', condition: 'amount > 1' },
        { id: 'check-small', from: 'check', to: 'small', default: true },
      ],
    };
    const { page } = await openInDesigner(held);
    await page.getByRole('button', { name: '试运行' }).click();
    const panel = page.getByRole('region', { name: '试运行', exact: true });
    const start = panel.getByRole('group', { name: '启动流程' });
    await expect(start.getByLabel('金额（amount）').inputValue()).resolves.toBe('');
    await start.getByRole('button', { name: '启动流程' }).click();
    await panel
      .getByText('流程停在异常处：可重新开始或回到之前的步骤，改用别的值再试；也可撤销流程')
      .waitFor();
    // Where, why, and what the condition read: 金额 was left empty.
    await panel
      .getByText('「金额判断」条件无法判断：amount > 1（读到的值：金额（amount） = （空））')
      .waitFor();
    await node(page, '条件分支：金额判断（当前）').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, '08-held-at-incident');
  });

  it('gives English sample texts when the interface is English', async () => {
    const { page } = await openInDesigner({ ...dryRunDefinitionInput, key: 'dry-run-english' });
    await page.getByTestId('lang-switch').click();
    await page.getByRole('button', { name: 'Dry run' }).click();
    const panel = page.getByRole('region', { name: 'Dry run', exact: true });
    const start = panel.getByRole('group', { name: 'Start process' });
    // The label is the definition's own (项目名称); the sample's wording follows the interface.
    await expect(start.getByRole('textbox').first().inputValue()).resolves.toBe('Sample 项目名称');
    await start.getByRole('button', { name: 'Start process' }).click();
    await panel.getByText('Creates task “志愿者招募” for sample Project officer 1').waitFor();
    expect(await panel.getByText(/示例/).count()).toBe(0);
    await shot(page, '09-english-samples');
  });

  it('refuses to dry-run a process while the validator reports problems', async () => {
    const broken = {
      ...dryRunDefinitionInput,
      key: 'dry-run-broken',
      edges: dryRunDefinitionInput.edges.filter((edge) => edge.id !== 'recruit-approve'),
    };
    const { page } = await openInDesigner(broken);
    await page.getByRole('button', { name: '试运行' }).click();
    await page.getByText(/个校验问题，不能试运行：请先按「校验问题」面板逐一修正/).waitFor();
    expect(await page.getByRole('region', { name: '试运行', exact: true }).count()).toBe(0);
    await page.getByRole('region', { name: '校验问题' }).waitFor();
  });
});
