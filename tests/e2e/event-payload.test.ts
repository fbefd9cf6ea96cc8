// Journey: a project's process declares the data of its 收到投诉 event; the station head sends the
// event from the project page, the dialog asks for the declared fields as a task's form does, names
// the one he got wrong, and once it is fixed the project's timeline shows the complaint with its
// data. The project starts through the API. Screenshots at 1366×768 at each milestone.
import type { Browser } from 'playwright-core';
import { complaintDefinition } from '../fixtures/event-payload-definition';
import { chooseOption, chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { publishDefinition } from '../support/runtime-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'event-payload';
const TITLE = '洪家楼街道邻里关系调解项目';

describeWithBrowser('an external event with declared data in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the station head sends a complaint with its data, fixes the field the dialog names, and sees it in the timeline', async () => {
    const officer = await signInApi(server, demoLogin(server, 'shegong'));
    const versionId = await publishDefinition(server.databaseUrl, complaintDefinition('complaint-journey'));
    const started = await officer('POST', '/api/projects', {
      versionId,
      unitId: await unitIdOf(await signInApi(server, demoLogin(server, 'admin')), 'LC-HJL'),
      title: TITLE,
      input: {},
    });
    expect(started.status).toBe(201);
    const projectId = started.json!.id as string;

    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
    const head = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await pages.openProject(head, `${server.url}/projects/${projectId}`);
    await head.getByRole('button', { name: '发送事件' }).click();
    const dialog = head.getByRole('dialog', { name: `向「${TITLE}」发送事件` });
    // The only event is chosen already; its declared fields replace the JSON box.
    await dialog.getByText('收到投诉').waitFor();
    await dialog.getByText('事件数据', { exact: true }).waitFor();
    expect(await dialog.getByLabel('事件数据（JSON，可不填）').count()).toBe(0);
    await dialog.getByLabel('操作说明').fill('居民来电反映');
    await dialog.getByLabel('投诉内容').fill('楼道堆物、夜间噪音扰民');
    await chooseOption(dialog.getByLabel('严重程度'), '严重');
    await dialog.getByLabel('涉及户数').fill('0');
    await dialog.getByRole('button', { name: /^发\s*送$/ }).click();
    await dialog.getByText('涉及户数不能小于 1').waitFor();
    await pages.shot(head, '01-field-error');

    await dialog.getByLabel('涉及户数').fill('6');
    await dialog.getByText('涉及户数不能小于 1').waitFor({ state: 'detached' });
    await pages.shot(head, '02-fixed');
    await dialog.getByRole('button', { name: /^发\s*送$/ }).click();
    await head.getByText('事件已发送').waitFor();
    await head
      .getByText('收到外部事件「收到投诉」：投诉内容：楼道堆物、夜间噪音扰民；严重程度：严重；涉及户数：6')
      .waitFor();
    await pages.shot(head, '03-in-timeline');
    await head.close();

    const project = await officer('GET', `/api/projects/${projectId}`);
    expect(project.json).toMatchObject({
      status: 'running',
      variables: { complaints: [{ summary: '楼道堆物、夜间噪音扰民', severity: '严重', households: 6 }] },
    });
  });
});
