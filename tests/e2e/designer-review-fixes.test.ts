// Journey of what a fresh-eyes review of the designer found: 发布 with nothing changed says so; an
// edit made just before leaving the editor is there when it is opened again; another admin's publish
// of the draft is met with a choice (keep mine as a new draft), not endless retries; a stored draft the
// canvas cannot draw opens on a page that says so, from which it is discarded. Screenshots at
// each milestone.
import type { Browser, Locator, Page } from 'playwright-core';
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
import { until } from '../support/until';
import { startTestServer, type TestServer } from '../support/test-server';
import { type ApiCall, demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'designer-review-fixes';
const KEY = 'review-fixes-apply';
const LAYOUT_KEY = 'review-fixes-office-screen';

const version1 = {
  key: KEY,
  name: '困难补助申领',
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    {
      id: 'fill',
      kind: 'userTask',
      name: '准备材料',
      assignee: { type: 'starter' },
      position: { x: 240, y: 0 },
    },
    { id: 'end', kind: 'end', name: '结束', position: { x: 480, y: 0 } },
  ],
  edges: [
    { id: 'start-fill', from: 'start', to: 'fill' },
    { id: 'fill-end', from: 'fill', to: 'end' },
  ],
};

describeWithBrowser(
  'the designer keeps edits, says what publishing would do and meets a publish by another admin',
  () => {
    let server: TestServer;
    let browser: Browser;
    let admin: ApiCall;
    let page: Page;
    beforeAll(async () => {
      [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
      admin = await signInApi(server, demoLogin(server, 'admin'));
      const made = await admin('POST', '/api/definitions', {
        key: KEY,
        name: version1.name,
        definition: version1,
      });
      expect(made.status).toBe(201);
      const published = await admin('POST', `/api/definitions/${KEY}/draft/publish`, undefined, {
        'if-match': made.headers.get('etag') ?? '',
      });
      expect(published.json).toMatchObject({ published: true, version: 1 });
      // A project running on version 1, for the publish summary to count.
      const officer = await signInApi(server, demoLogin(server, 'shegong'));
      const started = await officer('POST', '/api/projects', {
        versionId: published.json!.versionId,
        unitId: await unitIdOf(officer, 'LC-HJL'),
        title: '困难补助申领（发布摘要演示）',
        input: {},
      });
      expect(started.status).toBe(201);
      page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
      const login = demoLogin(server, 'admin');
      await signInAs(page, server.url, login.username, login.password);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const shot = (step: string) => saveScreenshot(page, JOURNEY, step);
    const node = (label: string): Locator => page.getByLabel(label, { exact: true });
    const saveState = () => page.locator('.sgf-designer-save-state');
    const rename = async (label: string, name: string) => {
      await node(label).click();
      await page.getByRole('complementary', { name: '属性' }).getByLabel('名称', { exact: true }).fill(name);
    };
    const draftNames = async (): Promise<string[] | null> => {
      const draft = await admin('GET', `/api/definitions/${KEY}/draft`);
      if (draft.status === 404) return null;
      return (draft.json!.definition.nodes as ProcessNode[]).map((candidate) => candidate.name);
    };
    const openEditor = async () => {
      await page.goto(`${server.url}/designer/${KEY}`);
      await node('开始：开始').waitFor();
    };

    it('says 没有修改，无需发布 when the published version is open unchanged', async () => {
      await openEditor();
      await page.getByRole('button', { name: '发布' }).click();
      const dialog = page.getByRole('dialog', { name: '发布流程' });
      await dialog.getByRole('button', { name: /发\s*布/ }).click();
      await page.getByText('没有修改，无需发布').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      expect(await draftNames()).toBeNull();
    });

    it('keeps an edit made just before leaving the editor', async () => {
      await openEditor();
      await rename('办理任务：准备材料', '准备申报材料');
      // Straight back to the list, well inside the autosave's one-second wait.
      await page.getByRole('link', { name: '返回流程列表' }).click();
      await page.getByRole('heading', { name: '流程设计' }).waitFor();
      const names = await until('the draft with the last edit', async () =>
        (await draftNames())?.includes('准备申报材料') ? draftNames() : null,
      );
      expect(names).toEqual(['开始', '准备申报材料', '结束']);
      await page.getByRole('link', { name: version1.name, exact: true }).click();
      await node('办理任务：准备申报材料').waitFor();
      await shot('01-reopened-with-last-edit');
    });

    it("meets another admin's publish of the draft with a choice, and keeps mine as a new draft", async () => {
      await openEditor();
      await node('办理任务：准备申报材料').waitFor();
      await rename('办理任务：准备申报材料', '准备申报材料（含户口本）');
      await saveState().getByText('已保存').waitFor({ timeout: 15_000 });

      // Another admin publishes the draft as version 2: the draft is gone.
      const other = await signInApi(server, demoLogin(server, 'admin'));
      const draft = await other('GET', `/api/definitions/${KEY}/draft`);
      const published = await other('POST', `/api/definitions/${KEY}/draft/publish`, undefined, {
        'if-match': draft.headers.get('etag') ?? '',
      });
      expect(published.json).toMatchObject({ published: true, version: 2 });

      await rename('办理任务：准备申报材料（含户口本）', '核对申报材料');
      const dialog = page.getByRole('dialog', { name: '其他管理员已发布了这个草稿' });
      await dialog.getByText(/草稿已发布为第 2 版/).waitFor({ timeout: 15_000 });
      await dialog.getByText(/「载入已发布的版本」会丢弃你未保存的修改/).waitFor();
      await saveState().getByText('有冲突，请选择').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('02-draft-published-elsewhere');

      await dialog.getByRole('button', { name: '保留我的修改（新建草稿）' }).click();
      await saveState().getByText('已保存').waitFor({ timeout: 15_000 });
      expect(await draftNames()).toEqual(['开始', '核对申报材料', '结束']);
    });

    it('summarises the publish: the changes against version 2 and the project running on version 1', async () => {
      await page.getByRole('button', { name: '发布' }).click();
      const dialog = page.getByRole('dialog', { name: '发布流程' });
      const summary = dialog.getByRole('region', { name: '发布摘要' });
      await summary.getByText('与第 2 版相比的变更').waitFor();
      const changes = summary.getByRole('list', { name: '变更明细' });
      await changes.getByRole('button', { name: '节点 核对申报材料' }).waitFor();
      await changes.getByText('准备申报材料（含户口本）').waitFor();
      // The renamed property by its Chinese name, not its path.
      await changes.getByText('名称', { exact: true }).first().waitFor();
      await summary
        .getByRole('list', { name: '仍在已发布版本上进行的项目' })
        .getByText('第 1 版：1 个项目进行中')
        .waitFor();
      await expect(summary.getByRole('link', { name: '迁移实例' }).getAttribute('href')).resolves.toBe(
        `/designer/${KEY}/migrate`,
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('03-publish-summary');
      await dialog.getByRole('button', { name: /发\s*布/ }).click();
      await page.getByText('已发布为第 3 版').waitFor();
    });

    it('lands Ctrl+F on the found node even when another node had keyboard focus', async () => {
      await openEditor();
      await node('开始：开始').focus();
      await page.keyboard.press('Control+f');
      await page.getByRole('dialog', { name: '查找节点' }).waitFor();
      await page.keyboard.type('结束');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: '查找节点' }).waitFor({ state: 'hidden' });
      await until('keyboard focus on the found node', () =>
        page.locator('.react-flow__node[data-id="end"]:focus').isVisible(),
      );
      // The view settles on the found node (the old node's focus used to pan it back to 开始).
      const pane = page.locator('.sgf-designer-canvas .react-flow__pane');
      const offCentre = async () => {
        const [view, found] = [(await pane.boundingBox())!, (await node('结束：结束').boundingBox())!];
        const dx = view.x + view.width / 2 - (found.x + found.width / 2);
        const dy = view.y + view.height / 2 - (found.y + found.height / 2);
        return Math.hypot(dx, dy);
      };
      await until('the found node in the middle of the view', async () => (await offCentre()) < 30);
      await page.waitForTimeout(500);
      expect(await offCentre()).toBeLessThan(30);
      await expect(page.locator('.react-flow__node:focus').getAttribute('data-id')).resolves.toBe('end');
      await shot('04-found-node');
    });

    it('opens a draft whose approval lacks its approvers on a page that says so and lets the admin discard it', async () => {
      const key = 'broken-approval';
      const made = await admin('POST', '/api/definitions', {
        key,
        name: '缺少审批人的流程',
        definition: { ...version1, key, name: '缺少审批人的流程' },
      });
      expect(made.status).toBe(201);
      const published = await admin('POST', `/api/definitions/${key}/draft/publish`, undefined, {
        'if-match': made.headers.get('etag') ?? '',
      });
      expect(published.json).toMatchObject({ published: true, version: 1 });
      // A draft written through the API (or imported) with an approval that has no approvers.
      const broken = await admin('POST', `/api/definitions/${key}/draft`, {
        definition: {
          ...version1,
          key,
          name: '缺少审批人的流程',
          nodes: [
            ...version1.nodes,
            { id: 'check', kind: 'approval', name: '站长审核', position: { x: 360, y: 160 } },
          ],
        },
      });
      expect(broken.status).toBe(201);
      await page.goto(`${server.url}/designer/${key}`);
      await page.getByText('此流程无法在画布上打开').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('05-cannot-open');
      await page.getByRole('button', { name: '丢弃草稿' }).click();
      // Without the draft the editor opens the published version.
      await page.getByText('正在查看第 1 版', { exact: false }).waitFor();
      await page.getByLabel('办理任务：准备材料', { exact: true }).waitFor();
      expect((await admin('GET', `/api/definitions/${key}/draft`)).status).toBe(404);
    });

    /** Where an element lies, asserted whole inside the office screen: seen without scrolling the page. */
    const withinScreen = async (element: Locator) => {
      const box = (await element.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(OFFICE_VIEWPORT.width);
      expect(box.y + box.height).toBeLessThanOrEqual(OFFICE_VIEWPORT.height);
      return box;
    };
    const problems = () => page.getByRole('region', { name: '校验问题' });
    const problemList = () => problems().getByRole('group', { name: '问题列表' });

    it('shows the problems under the canvas at 1366×768, and a badge click brings its node’s problems into view', async () => {
      // Eight loose timers after the task: each is unreachable and leads nowhere, so the list is
      // longer than the strip and the last timer's problems start below its fold.
      const timers = Array.from({ length: 8 }, (_, index) => ({
        id: `wait_${index + 1}`,
        kind: 'timer',
        name: `等待 ${index + 1}`,
        timer: { type: 'duration', duration: 'P1D' },
        position: { x: 120 + 180 * (index % 4), y: 160 + 100 * Math.floor(index / 4) },
      }));
      const made = await admin('POST', '/api/definitions', {
        key: LAYOUT_KEY,
        name: '办公屏幕上的设计器',
        definition: {
          ...version1,
          key: LAYOUT_KEY,
          name: '办公屏幕上的设计器',
          nodes: [...version1.nodes, ...timers],
        },
      });
      expect(made.status).toBe(201);
      await page.goto(`${server.url}/designer/${LAYOUT_KEY}`);
      await node('定时：等待 8').waitFor();
      const count = problems().getByText(/发现 \d+ 个问题/);
      await withinScreen(count);
      expect(await page.evaluate<number>('document.scrollingElement.scrollTop')).toBe(0);
      // The strip takes height under the canvas, never its width: the canvas keeps 60 % of the editor's.
      const canvas = (await page.locator('.sgf-designer-canvas').boundingBox())!;
      const editor = (await page.locator('.sgf-designer-editor').boundingBox())!;
      expect(canvas.width / editor.width).toBeGreaterThanOrEqual(0.6);
      expect(canvas.height).toBeGreaterThanOrEqual(360);
      // So short a canvas has no minimap to cover its nodes (等待 4 and 等待 8 lay under it).
      expect(canvas.height).toBeLessThanOrEqual(440);
      const minimap = page.locator('.sgf-designer-canvas .react-flow__minimap');
      expect(await minimap.isVisible()).toBe(false);
      await shot('06-problems-under-canvas');

      // Folded, the count stays in view; the last timer's badge opens the list at its problems.
      await problems().getByRole('button', { expanded: true }).click();
      await problemList().waitFor({ state: 'detached' });
      await withinScreen(count);
      // Folded, the canvas has its height back and its minimap.
      await minimap.waitFor();
      await shot('06b-problems-folded-minimap-back');
      await page.locator('.react-flow__node[data-id="wait_8"] .sgf-designer-node-badge').click();
      const own = problemList().locator('[data-issue-node="wait_8"]').first();
      await own.waitFor();
      const [shown, list] = [await withinScreen(own), (await problemList().boundingBox())!];
      expect(shown.y).toBeGreaterThanOrEqual(list.y);
      expect(shown.y + shown.height).toBeLessThanOrEqual(list.y + list.height + 1);
      await expect(own.getAttribute('class')).resolves.toContain('is-selected');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('07-badge-opens-problems');
    });

    it('lists 发布’s refusal as links: one closes the dialog and selects its node', async () => {
      await page.getByRole('button', { name: '发布' }).click();
      const dialog = page.getByRole('dialog', { name: '发布流程' });
      const problem = dialog.getByRole('button', { name: '节点「等待 3」没有出线' });
      await problem.waitFor();
      // Measured once the dialog has zoomed in: half transparent, its links fail colour contrast.
      await until('the dialog settled', () =>
        page.evaluate<boolean>(
          "document.querySelector('.ant-modal-root').getAnimations({ subtree: true }).length === 0",
        ),
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('07b-publish-problems-clickable');
      await problem.click();
      await dialog.waitFor({ state: 'hidden' });
      await until('等待 3 selected', async () =>
        (await page.locator('.react-flow__node[data-id="wait_3"]').getAttribute('class'))
          ?.split(' ')
          .includes('selected'),
      );
      await page
        .getByRole('complementary', { name: '属性' })
        .getByRole('heading', { name: '定时' })
        .waitFor();
    });

    it('places two clicked palette entries apart and in view, the new one selected', async () => {
      const pane = page.locator('.sgf-designer-canvas .react-flow__pane');
      await pane.click({ position: { x: 12, y: 12 } });
      const palette = page.getByRole('navigation', { name: '节点面板（拖到画布或点击添加）' });
      await palette.getByRole('button', { name: '审批' }).click();
      await palette.getByRole('button', { name: '审批' }).click();
      const placed = ['approval_1', 'approval_2'].map((id) =>
        page.locator(`.react-flow__node[data-id="${id}"]`),
      );
      await until('the second node selected', async () =>
        (await placed[1]!.getAttribute('class'))?.split(' ').includes('selected'),
      );
      // Named apart, as the problems and panels name them: 审批, then 审批 2.
      await placed[0]!.getByLabel('审批：审批', { exact: true }).waitFor();
      await placed[1]!.getByLabel('审批：审批 2', { exact: true }).waitFor();
      // The view may pan to the second node: measure once it has settled.
      await page.waitForTimeout(400);
      const [view, first, second] = [
        (await pane.boundingBox())!,
        (await placed[0]!.boundingBox())!,
        (await placed[1]!.boundingBox())!,
      ];
      const apart =
        first.x + first.width <= second.x ||
        second.x + second.width <= first.x ||
        first.y + first.height <= second.y ||
        second.y + second.height <= first.y;
      expect(apart).toBe(true);
      for (const box of [first, second]) {
        expect(box.x).toBeGreaterThanOrEqual(view.x);
        expect(box.y).toBeGreaterThanOrEqual(view.y);
        expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
        expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
      }
      await page
        .getByRole('complementary', { name: '属性' })
        .getByRole('heading', { name: '审批' })
        .waitFor();
      await shot('08-palette-clicks-apart');
    });

    /** 适应画布: every node in view (placing nodes may have moved the view off the first ones). */
    const showAll = () => page.getByRole('button', { name: '适应画布' }).click();

    it('says why an output name is refused, under the field, in Chinese', async () => {
      await showAll();
      await node('办理任务：准备材料').click();
      const properties = page.getByRole('complementary', { name: '属性' });
      const refusal = properties.getByText('变量名只能用字母、数字、下划线，且不能以数字开头');
      await properties.getByLabel('新变量名').fill('1份数');
      await refusal.waitFor();
      await expect(properties.getByRole('button', { name: '添加变量' }).isDisabled()).resolves.toBe(true);
      await properties.getByLabel('新变量名').fill('copies');
      await refusal.waitFor({ state: 'detached' });
      await expect(properties.getByRole('button', { name: '添加变量' }).isEnabled()).resolves.toBe(true);
      // A FEEL keyword is refused too: a condition would read the keyword, never the variable.
      await properties.getByLabel('新变量名').fill('in');
      const keyword = properties.getByText(
        '变量名不能是 FEEL 关键字（如 true、and、in、if），条件无法读取这样的变量',
      );
      await keyword.waitFor();
      await expect(properties.getByRole('button', { name: '添加变量' }).isDisabled()).resolves.toBe(true);
      await keyword.scrollIntoViewIfNeeded();
      await shot('09a-output-name-keyword-refused');
      await properties.getByLabel('新变量名').fill('1份数');
      await refusal.waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('09-output-name-refused');
    });

    it('names two pasted copies apart: 「X（副本）」 and 「X（副本 2）」', async () => {
      await showAll();
      await node('办理任务：准备材料').click();
      await page.keyboard.press('Control+c');
      await page.keyboard.press('Control+v');
      await node('办理任务：准备材料（副本）').waitFor();
      await page.keyboard.press('Control+v');
      await node('办理任务：准备材料（副本 2）').waitFor();
      await expect(node('办理任务：准备材料').count()).resolves.toBe(1);
      // Each copy lands on free space, covering neither the original nor another node.
      const boxes = await Promise.all(
        (await page.locator('.react-flow__node').all()).map(
          async (element) => (await element.boundingBox())!,
        ),
      );
      type Box = (typeof boxes)[number];
      const apart = (a: Box, b: Box) =>
        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) expect(apart(a, b)).toBe(true);
      // The view follows a copy placed out of it: the last one is in view once the view has settled.
      await page.waitForTimeout(400);
      const [view, copy] = [
        (await page.locator('.sgf-designer-canvas .react-flow__pane').boundingBox())!,
        (await node('办理任务：准备材料（副本 2）').boundingBox())!,
      ];
      expect(copy.x).toBeGreaterThanOrEqual(view.x);
      expect(copy.y).toBeGreaterThanOrEqual(view.y);
      expect(copy.x + copy.width).toBeLessThanOrEqual(view.x + view.width);
      expect(copy.y + copy.height).toBeLessThanOrEqual(view.y + view.height);
      await shot('10-two-pastes-two-names');
    });

    it('shows the top of the property panel for each newly selected node', async () => {
      const scrollTop = () =>
        page.evaluate<number>("document.querySelector('.sgf-designer-properties-column').scrollTop");
      await showAll();
      await node('办理任务：准备材料').click();
      await page.evaluate("document.querySelector('.sgf-designer-properties-column').scrollTop = 100000");
      expect(await scrollTop()).toBeGreaterThan(200);
      // Another task, whose panel is as long: kept, the scroll would stay where it was.
      await node('办理任务：准备材料（副本）').click();
      const name = page.getByRole('complementary', { name: '属性' }).getByLabel('名称', { exact: true });
      await until('the copy in the panel', async () => (await name.inputValue()) === '准备材料（副本）');
      expect(await scrollTop()).toBe(0);
    });

    it('shows an end node’s outcome by its name on the canvas, its code only in the panel', async () => {
      await showAll();
      await node('结束：结束').click();
      const properties = page.getByRole('complementary', { name: '属性' });
      await properties.getByLabel('结果', { exact: true }).fill('completed');
      await properties.getByText('画布上显示为「已完成」').waitFor();
      const end = page.locator('.react-flow__node[data-id="end"]');
      await end.getByText('已完成').waitFor();
      await expect(end.getByText('completed').count()).resolves.toBe(0);
      await shot('11-end-outcome-named');
    });
  },
);
