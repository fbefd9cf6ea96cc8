// Journey: a station head opens 数据看板, sees the charts of the station's projects, clicks the bar
// of a stage and lands on the project list filtered to exactly those projects; saves the list as a
// named view and opens it again; exports it to Excel, whose rows are those projects. Screenshots at
// 1366×768.
import ExcelJS from 'exceljs';
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
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'dashboards';
const WAITING = '洪家楼独居老人探访项目';
const NEW = '洪家楼儿童课后照护项目';
const ROOM = '洪家楼一室社区助餐项目';

describeWithBrowser('a supervisor drills down from the dashboards to the project list and exports it', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    // Three projects through the API: two at the station waiting in 预估 (one assessed, waiting for
    // the head's approval), one at a room whose assessment names its service domain.
    const officer = await signInApi(server, demoLogin(server, 'shegong'));
    const roomOfficer = await signInApi(server, demoLogin(server, 'shegong-room'));
    const catalogue = await officer('GET', '/api/processes');
    const versionId = (catalogue.json!.items as { key: string; versionId: string }[]).find(
      (item) => item.key === 'project-lifecycle',
    )!.versionId;
    const start = async (call: typeof officer, unitCode: string, title: string) => {
      const res = await call('POST', '/api/projects', {
        versionId,
        unitId: await unitIdOf(call, unitCode),
        title,
        input: { projectName: title },
      });
      if (res.status !== 201) throw new Error(`start ${title}: ${res.status} ${res.text}`);
      return res.json!;
    };
    const waiting = await start(officer, 'LC-HJL', WAITING);
    await start(officer, 'LC-HJL', NEW);
    const room = await start(roomOfficer, 'LC-HJL-01', ROOM);
    for (const [call, project] of [
      [officer, waiting],
      [roomOfficer, room],
    ] as const) {
      const taskId = (project.tasks as { id: string }[])[0]!.id;
      const done = await call('POST', `/api/tasks/${taskId}/complete`, {
        data: {
          targetGroup: '独居老人',
          serviceDomain: '为老服务',
          needsSummary: '走访辖区独居老人，探访与助餐需求突出。',
        },
      });
      if (done.status !== 200) throw new Error(`assess: ${done.status} ${done.text}`);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, step: string) => saveScreenshot(page, JOURNEY, step);

  it('opens 数据看板, clicks a bar, lands on the filtered list, saves it as a view and exports it', async () => {
    const head = demoLogin(server, 'zhanzhang');
    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT, acceptDownloads: true });
    await signInAs(page, server.url, head.username, head.password);
    await page.getByTestId('current-user').waitFor();

    await page.getByRole('link', { name: '数据看板' }).click();
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    const stages = page.getByRole('figure', { name: '各阶段项目数（进行中）' });
    await stages.locator('canvas').waitFor();
    await page.getByRole('figure', { name: '各服务领域项目数' }).locator('canvas').waitFor();
    // Nothing is overdue yet: that chart's card says so.
    await page.getByRole('heading', { name: '各单位逾期任务数' }).waitFor();
    // The totals count the station's three projects, all running.
    await page.getByText('项目总数').waitFor();
    await shot(page, '01-dashboards');

    // One bar (预估, three projects): a click anywhere in its band drills down.
    await stages.locator('canvas').click();
    await page.waitForURL(/\/projects\?.*stage=assess/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      definitionKey: 'project-lifecycle',
      stage: 'assess',
      status: 'running',
    });
    for (const title of [WAITING, NEW, ROOM]) await page.getByRole('link', { name: title }).waitFor();
    await shot(page, '02-list-from-chart');

    // Narrow to 为老服务 and save the list as a named view; the view brings the filters back.
    await chooseOption(page.getByRole('combobox', { name: '服务领域' }), '为老服务');
    await page.waitForURL(/serviceDomain=/);
    await page.getByRole('link', { name: NEW }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '保存视图' }).click();
    await page.getByLabel('视图名称').fill('预估中的为老服务');
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存', exact: true }))
      .click();
    const viewUrl = page.url();
    await page.goto(`${server.url}/projects`);
    await page.getByRole('link', { name: NEW }).waitFor();
    await chooseOption(page.getByRole('combobox', { name: '保存的视图' }), '预估中的为老服务');
    await page.waitForURL(viewUrl);
    await page.getByRole('link', { name: NEW }).waitFor({ state: 'detached' });
    await shot(page, '03-saved-view');

    // 导出 Excel downloads the same rows.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('项目标题');
    const titles = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(2).value);
    expect(titles.sort()).toEqual([ROOM, WAITING].sort());
    expect(sheet.getRow(2).getCell(9).value).toBe('为老服务');

    await page.close();
  });
});
