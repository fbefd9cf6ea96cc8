// Journey: an admin publishes version 2 of a small process (one node added, one renamed) through the
// definitions API; in 版本历史 the diff canvas outlines the added node green and the changed one
// amber, and the list beside it names the changed properties in Chinese with their values read. A project an officer started on
// version 1 is then moved in 迁移实例: the mapping is prefilled, 检查 finds it 可迁移, it is moved,
// and the project runs on version 2. Screenshots at each milestone.
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
import { type ApiCall, demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(180_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'designer-versions';
const KEY = 'elder-visit-apply';
const TITLE = '高龄津贴申领（迁移演示）';

const version1 = {
  key: KEY,
  name: '高龄津贴申领',
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    {
      id: 'fill',
      kind: 'userTask',
      name: '准备材料',
      assignee: { type: 'starter' },
      position: { x: 220, y: 0 },
    },
    { id: 'end', kind: 'end', name: '结束', position: { x: 700, y: 0 } },
  ],
  edges: [
    { id: 'start-fill', from: 'start', to: 'fill' },
    { id: 'fill-end', from: 'fill', to: 'end' },
  ],
};

/**
 * Version 2: a description; the task is renamed, given 2 hours, an officer of the unit instead of the
 * starter and a note field; the station head checks the papers before the end.
 */
const version2 = {
  ...version1,
  description: '高龄老人津贴的申领材料与审核',
  nodes: [
    version1.nodes[0],
    {
      ...version1.nodes[1],
      name: '准备申报材料',
      due: 'PT2H',
      assignee: { type: 'role', role: 'officer', scope: 'unit' },
      form: [{ name: 'note', label: '说明', type: 'textarea' }],
    },
    version1.nodes[2],
    {
      id: 'check',
      kind: 'userTask',
      name: '站长审核',
      assignee: { type: 'unitHead' },
      position: { x: 460, y: 0 },
    },
  ],
  edges: [
    { id: 'start-fill', from: 'start', to: 'fill' },
    { id: 'fill-check', from: 'fill', to: 'check' },
    { id: 'check-end', from: 'check', to: 'end' },
  ],
};

describeWithBrowser('an admin compares two versions and moves a running project to the newer one', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiCall;
  let officer: ApiCall;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    [admin, officer] = await Promise.all([
      signInApi(server, demoLogin(server, 'admin')),
      signInApi(server, demoLogin(server, 'shegong')),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, step: string) => saveScreenshot(page, JOURNEY, step);
  /** Runs in the page: the outline colour the diff's stylesheet gave an element. */
  type StyledElement = {
    ownerDocument: { defaultView: { getComputedStyle(e: unknown): { outlineColor: string } } };
  };
  const outlineColour = (element: unknown) =>
    (element as StyledElement).ownerDocument.defaultView.getComputedStyle(element).outlineColor;

  /** Saves the graph as the key's draft and publishes it, as the designer does. */
  async function publish(definition: unknown, create: boolean): Promise<string> {
    const made = create
      ? await admin('POST', '/api/definitions', { key: KEY, name: version1.name, definition })
      : await admin('POST', `/api/definitions/${KEY}/draft`, { definition });
    expect(made.status).toBe(201);
    const published = await admin('POST', `/api/definitions/${KEY}/draft/publish`, undefined, {
      'if-match': made.headers.get('etag') ?? '',
    });
    expect(published.json).toMatchObject({ published: true });
    return published.json!.versionId as string;
  }

  it('shows the added node green and the changed property, then migrates the project to version 2', async () => {
    const versionId = await publish(version1, true);
    const started = await officer('POST', '/api/projects', {
      versionId,
      unitId: await unitIdOf(officer, 'LC-HJL'),
      title: TITLE,
      input: {},
    });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;
    await publish(version2, false);

    const login = demoLogin(server, 'admin');
    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
    await signInAs(page, server.url, login.username, login.password);
    await page.getByRole('link', { name: '流程设计' }).click();
    // 迁移实例 is offered only where there are two published versions to move between.
    await page.getByRole('link', { name: `迁移实例 ${version1.name}` }).waitFor();
    const catalogue = await admin('GET', '/api/definitions');
    const single = (catalogue.json!.items as { name: string; publishedVersions: number }[]).find(
      (item) => item.publishedVersions === 1,
    )!;
    await page.getByRole('link', { name: `版本历史 ${single.name}`, exact: true }).waitFor();
    await expect(
      page.getByRole('link', { name: `迁移实例 ${single.name}`, exact: true }).count(),
    ).resolves.toBe(0);
    await page.getByRole('link', { name: `版本历史 ${version1.name}` }).click();
    await page.getByRole('heading', { name: '版本历史' }).waitFor();

    // Both versions are listed; version 1 has the running project.
    const versions = page.getByRole('table', { name: '版本列表' });
    await versions.getByRole('row').filter({ hasText: '第 1 版' }).getByText('进行中 1 / 共 1').waitFor();
    await versions.getByRole('row').filter({ hasText: '第 2 版' }).waitFor();

    // By default version 1 against version 2: the added node green, the renamed one amber.
    const added = page.locator('.react-flow__node[data-id="check"]');
    await added.getByLabel('办理任务：站长审核', { exact: true }).waitFor();
    await expect(added.getAttribute('class')).resolves.toContain('sgf-diff-added');
    await expect(added.evaluate(outlineColour)).resolves.toBe('rgb(82, 196, 26)');
    await expect(page.locator('.react-flow__node[data-id="fill"]').getAttribute('class')).resolves.toContain(
      'sgf-diff-changed',
    );
    // The removed edge is ghosted where it was.
    await expect(
      page.locator('.react-flow__edge[data-id="fill-end"]').getAttribute('class'),
    ).resolves.toContain('sgf-diff-removed');

    const changes = page.getByRole('list', { name: '变更明细' });
    // Each property by its Chinese name (not its path), each value as people read it.
    const renamed = changes.getByRole('listitem').filter({ hasText: '节点 准备申报材料' });
    await renamed.getByText('名称', { exact: true }).waitFor();
    await renamed.getByText('准备材料', { exact: true }).waitFor();
    await renamed.getByText('准备申报材料', { exact: true }).waitFor();
    await renamed.getByRole('button', { name: '办理时限 — → 2 小时' }).waitFor();
    await expect(renamed.getByText('due', { exact: true }).count()).resolves.toBe(0);
    // A whole new form field is one sentence, an assignee rule one row as the canvas words it.
    await renamed.getByRole('button', { name: '新增表单字段「说明」（多行文本）', exact: true }).waitFor();
    await renamed.getByRole('button', { name: '办理人 发起人 → 项目社工 · 本单位', exact: true }).waitFor();
    await expect(renamed.getByText(/\{"name"|第 1 项/).count()).resolves.toBe(0);
    // The process's own entry is named by its name, not its key.
    await changes.getByText(`流程 ${version1.name}`, { exact: true }).waitFor();
    // Choosing a change selects its node on the canvas.
    await renamed.getByRole('button', { name: /名称/ }).click();
    await page.locator('.react-flow__node.selected[data-id="fill"]').waitFor();
    await changes.getByRole('button', { name: '节点 站长审核' }).click();
    await page.locator('.react-flow__node.selected[data-id="check"]').waitFor();
    await page.mouse.move(0, 0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, '01-version-diff');

    // 迁移实例: version 1 → version 2 by default, the mapping prefilled from the suggestion.
    await page.getByRole('link', { name: '迁移实例' }).click();
    await page.getByRole('heading', { name: '迁移实例' }).waitFor();
    const mapping = page.getByRole('table', { name: '节点对应' });
    await mapping
      .getByRole('row')
      .filter({ hasText: '准备材料（fill）' })
      .getByText('准备申报材料（fill）')
      .waitFor();
    // Mapped to 站长审核 instead, the mapping must be checked again before anything moves.
    const check = page.getByRole('button', { name: /检\s*查/ });
    const fillTarget = page.getByLabel('目标版本节点 准备材料');
    await check.click();
    const instances = page.getByRole('table', { name: '进行中的项目' });
    const row = instances.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('可迁移').waitFor();
    // Where the project waits now, named as in version 1.
    await row.getByRole('cell', { name: '准备材料', exact: true }).waitFor();
    await chooseOption(fillTarget, '站长审核（check）');
    await page.getByText('修改了节点对应，请重新检查。').waitFor();
    await expect(instances.count()).resolves.toBe(0);
    await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await chooseOption(fillTarget, '准备申报材料（fill）');
    await check.click();
    await row.getByText('可迁移').waitFor();
    // 检查 ticks the movable projects.
    await expect(row.getByRole('checkbox', { name: TITLE }).isChecked()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, '02-migration-checked');
    await page.getByRole('button', { name: '迁移所选项目（1）' }).click();
    const results = page.getByRole('table', { name: '迁移结果' });
    await results.getByRole('row').filter({ hasText: TITLE }).getByText('已迁移').waitFor();
    // The list is checked again: the moved project is no longer on version 1, nothing is ticked,
    // and the results are brought into view with their heading focused.
    await instances.getByText('原版本上没有进行中的项目').waitFor();
    await expect(page.getByRole('button', { name: '迁移所选项目（0）' }).isDisabled()).resolves.toBe(true);
    const resultsHeading = page.getByRole('heading', { name: '迁移结果' });
    await expect(page.locator('h5:focus').textContent()).resolves.toBe('迁移结果');
    const headingBox = (await resultsHeading.boundingBox())!;
    expect(headingBox.y).toBeGreaterThanOrEqual(0);
    expect(headingBox.y + headingBox.height).toBeLessThanOrEqual(OFFICE_VIEWPORT.height);
    await shot(page, '03-migrated');

    // The project now runs on version 2, at the renamed task.
    const project = await officer('GET', `/api/projects/${projectId}`);
    expect(project.json).toMatchObject({
      version: 2,
      currentNodes: [{ nodeId: 'fill', name: '准备申报材料' }],
    });
  });
});
