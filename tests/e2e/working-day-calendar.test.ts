// Journey: on the eve of the 2026 National Day holiday the county admin adds 8 October as a local
// day off on the 工作日历 page (date picker, kind, name); the officer then starts a project whose
// task is due in one working day, and its due date skips the holiday week and the admin's day:
// 9 October, where the shipped table alone says the 8th. Screenshots at 1366×768 at each
// milestone; axe-core checks the calendar page.
import type { Browser } from 'playwright-core';
import {
  chromiumMissingReason,
  findChromium,
  launchChromium,
  seriousA11yViolations,
} from '../support/browser';
import { journeyPages, startProjectInWizard } from '../support/journey-pages';
import { publishDefinition } from '../support/runtime-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'working-day-calendar';
const PROCESS = '一个工作日内办结';
const STATION = '洪家楼街道社会工作服务站';
const TITLE = '国庆前的居民来函';
/** Wednesday 30 September 2026, 10:00 in Beijing: the runtime's clock for the whole journey. */
const EVE_OF_NATIONAL_DAY = new Date('2026-09-30T02:00:00.000Z');

const definition = {
  key: 'one-working-day',
  name: PROCESS,
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    { id: 'reply', kind: 'userTask', name: '答复来函', assignee: { type: 'starter' }, due: '1WD' },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'reply' },
    { id: 'e2', from: 'reply', to: 'end' },
  ],
};

describeWithBrowser('an admin’s day off in the working-day calendar, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ clock: () => new Date(EVE_OF_NATIONAL_DAY) }),
      launchChromium(executablePath!),
    ]);
    await publishDefinition(server.databaseUrl, definition);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin adds a day off; the officer’s new task falls due after it', async () => {
    const { signedIn, shot } = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
    const admin = await signedIn(demoLogin(server, 'admin'));
    await admin.goto(`${server.url}/admin`);
    await admin.getByRole('link', { name: '工作日历' }).click();
    await admin.getByRole('heading', { name: '工作日历', level: 2 }).waitFor();
    await admin.getByLabel('年份').fill('2026');
    await admin.getByRole('cell', { name: '国庆节' }).first().waitFor();
    await shot(admin, '01-calendar-2026');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: /添加日期/ }).click();
    const dialog = admin.getByRole('dialog', { name: '添加日期' });
    await dialog.getByRole('radio', { name: '休息日' }).check();
    await dialog.getByLabel('名称').fill('本县补休');
    // Typed into the date picker; Enter takes the date and submits the form, as a person would.
    await dialog.getByLabel('日期').fill('2026-10-08');
    // The picker speaks Chinese: its month and weekday names come from dayjs's zh-cn locale, which
    // antd's zh_CN does not load (found by the fresh-eyes review: it read "2026年 Oct").
    const calendar = admin.locator('.ant-picker-dropdown:visible');
    await calendar.getByText('10月').first().waitFor();
    await expect(calendar.locator('thead').textContent()).resolves.toContain('一');
    await shot(admin, '02-add-day-off');
    await dialog.getByLabel('日期').press('Enter');
    const added = admin.getByRole('row').filter({ hasText: '本县补休' });
    await added.waitFor();
    expect(await added.textContent()).toContain('2026-10-08');
    await shot(admin, '03-day-off-added');
    await admin.close();

    // The officer starts a project through the wizard after the day was saved.
    const officer = await signedIn(demoLogin(server, 'shegong'));
    await startProjectInWizard(officer, { process: PROCESS, title: TITLE, unit: STATION });
    // 1 to 7 October are the public holiday, the 8th the admin's day off: due Friday the 9th.
    const task = officer.getByRole('row').filter({ hasText: '答复来函' });
    await task.waitFor();
    expect(await task.textContent()).toMatch(/2026年10月9日/);
    await shot(officer, '04-task-due-after-day-off');
    await officer.close();
  });
});
