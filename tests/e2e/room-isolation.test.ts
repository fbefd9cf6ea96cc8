// An officer of one community room cannot see another room's project: not in the projects list, not
// by its address (the page says it is not found), and not through the API (404).
import type { Browser } from 'playwright-core';
import {
  OFFICE_VIEWPORT,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  signInAs,
} from '../support/browser';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(120_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'room-isolation';
const OTHER_ROOM = '花园路社区社会工作室'; // LC-HJL-02
const TITLE = '花园路社区儿童课后照护项目';

describeWithBrowser("a room's officer and another room's project", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const login = (username: string) => {
    const found = server.demoLogins.find((candidate) => candidate.username === username);
    if (!found) throw new Error(`no demo login ${username}`);
    return found;
  };

  it('neither lists nor opens a project started at LC-HJL-02 for the officer of LC-HJL-01', async () => {
    // The station's officer starts a lifecycle project at the other room.
    const station = apiAgent(server.url);
    const stationOfficer = login('shegong');
    expect((await station('POST', '/api/auth/login', stationOfficer)).status).toBe(200);
    const catalogue = await station('GET', '/api/processes');
    const entry = (
      catalogue.json?.items as Array<{
        key: string;
        versionId: string;
        units: Array<{ id: string; name: string }>;
      }>
    ).find((item) => item.key === 'project-lifecycle')!;
    const room = entry.units.find((unit) => unit.name === OTHER_ROOM)!;
    const started = await station(
      'POST',
      '/api/projects',
      { versionId: entry.versionId, unitId: room.id, title: TITLE, input: { projectName: TITLE } },
      { 'idempotency-key': 'room-isolation-start' },
    );
    expect(started.status).toBe(201);
    const projectId = started.json?.id as string;

    // The room officer's API answers 404 for it.
    const roomAgent = apiAgent(server.url);
    const roomOfficer = login('shegong-room');
    expect((await roomAgent('POST', '/api/auth/login', roomOfficer)).status).toBe(200);
    expect((await roomAgent('GET', `/api/projects/${projectId}`)).status).toBe(404);

    // In the browser: the list does not show it, and its address shows the not-found state.
    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
    await signInAs(page, server.url, roomOfficer.username, roomOfficer.password);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.url}/projects?q=${encodeURIComponent('照护')}`);
    await page.getByText('没有符合条件的项目').waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    await saveScreenshot(page, JOURNEY, '01-list-without-other-room');
    await page.goto(`${server.url}/projects/${projectId}`);
    await page.getByText('内容不存在或无权查看').waitFor();
    await saveScreenshot(page, JOURNEY, '02-other-room-project-not-found');
    await page.close();

    // The station's officer, above both rooms, sees it in the list.
    const stationPage = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
    await signInAs(stationPage, server.url, stationOfficer.username, stationOfficer.password);
    await stationPage.getByTestId('current-user').waitFor();
    await stationPage.goto(`${server.url}/projects?q=${encodeURIComponent('照护')}`);
    await stationPage.getByRole('link', { name: TITLE }).waitFor();
    await stationPage.close();
  });
});
