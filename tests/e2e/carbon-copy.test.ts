// Journey (抄送): the station's officer copies her assessment to the station head with a note; he
// finds it under 抄送我的 in his inbox and opens the project; the officer then sees on the project
// page that he has read it. The project is started through the API. Screenshots at 1366×768.
import type { Browser } from 'playwright-core';
import { chooseOption, chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, lifecycleProjectAtAssessment } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'carbon-copy';
const TITLE = '洪家楼街道留守儿童课后照护项目';
const HEAD = '王建国（站长）';

describeWithBrowser('抄送 in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the officer copies her task to the station head, he opens it from 抄送我的, she sees 已读', async () => {
    const projectId = await lifecycleProjectAtAssessment(server, TITLE);
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });

    const officer = await pages.signedIn(demoLogin(server, 'shegong'));
    await pages.openTaskFromInbox(officer, '项目预估（需求评估）', '01-officer-inbox');
    await officer.getByRole('button', { name: /^抄\s*送$/ }).click();
    const dialog = officer.getByRole('dialog', { name: '抄送' });
    await chooseOption(dialog.getByRole('combobox', { name: /抄送给$/ }), HEAD);
    await dialog.getByLabel('附言').fill('请站长知悉本项目的需求评估。');
    await pages.shot(officer, '02-officer-copies-to-the-head');
    await dialog.getByRole('button', { name: /^抄\s*送$/ }).click();
    await officer.getByText('已抄送').waitFor();

    await pages.openProject(officer, `${server.url}/projects/${projectId}`);
    const panel = officer.getByRole('heading', { name: '抄送', level: 2 });
    await panel.waitFor();
    await officer.getByText(`${HEAD} 未读`).waitFor();
    await pages.shot(officer, '03-project-shows-unread');

    const head = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await head.goto(`${server.url}/inbox?view=copies`);
    const row = head.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('未读').waitFor();
    await row.getByText('请站长知悉本项目的需求评估。').waitFor();
    await pages.shot(head, '04-head-copied-to-me');
    await row.getByRole('link', { name: TITLE }).click();
    await head.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await head.getByText(/王建国（站长） 已读/).waitFor();
    await pages.shot(head, '05-head-opens-the-project');
    await head.close();

    await officer.reload();
    await officer.getByText(/王建国（站长） 已读 \d{4}/).waitFor();
    await pages.shot(officer, '06-officer-sees-read');
    await officer.close();
  });
});
