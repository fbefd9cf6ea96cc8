// Journey (加签): the station head adds the county centre's supervisor as a signer before himself on
// a lifecycle project's approval (not the officer who started it: she may not approve her own
// project); she approves from her inbox; then the head approves and the project
// moves on to its plan. The project reaches the station head's approval through the API (the UI
// path up to there is tests/e2e/project-lifecycle-journey.test.ts). Screenshots at 1366×768.
import type { Browser } from 'playwright-core';
import { chooseOption, chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  type ApiCall,
  demoLogin,
  lifecycleProjectAtHeadApproval,
  signInApi,
} from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'cosign';
const TITLE = '洪家楼街道独居老人助餐项目';

describeWithBrowser('加签 in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: ApiCall;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    officer = await signInApi(server, demoLogin(server, 'shegong'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openNodes(projectId: string): Promise<string[]> {
    const project = await officer('GET', `/api/projects/${projectId}`);
    return (project.json!.tasks as { nodeId: string; status: string }[])
      .filter((task) => task.status === 'open')
      .map((task) => task.nodeId);
  }

  it('the station head adds a signer before himself; she approves, then he does, and the project moves on', async () => {
    const projectId = await lifecycleProjectAtHeadApproval(server, TITLE);
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });

    const head = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await pages.openTaskFromInbox(head, '站长审批', '01-head-inbox');
    await head.getByRole('button', { name: /^加\s*签$/ }).click();
    const dialog = head.getByRole('dialog', { name: '加签' });
    await chooseOption(dialog.getByRole('combobox', { name: /加签人$/ }), '赵敏（指导中心督导）');
    await dialog.getByRole('radio', { name: '前加签（加签人先审批）' }).check();
    await dialog.getByLabel('说明').fill('请先核实老人名单后再审批。');
    await pages.shot(head, '02-head-adds-a-signer');
    await dialog.getByRole('button', { name: /^加\s*签$/ }).click();
    // His seat waits for hers: the page says so instead of offering the vote.
    await head.getByText('已前加签，须待赵敏（指导中心督导）审批后，您再审批。').waitFor();
    expect(await head.getByRole('button', { name: /^同\s*意$/ }).count()).toBe(0);
    await pages.shot(head, '03-head-waits-for-the-signer');
    await head.close();

    await pages.approve(demoLogin(server, 'zhongxin'), '站长审批', '已核实老人名单。', '04-signer');
    expect(await openNodes(projectId)).toEqual(['headApproval']);
    await pages.approve(demoLogin(server, 'zhanzhang'), '站长审批', '同意进入计划阶段。', '05-head');
    expect(await openNodes(projectId)).toEqual(['plan']);

    const centre = await pages.signedIn(demoLogin(server, 'zhongxin'));
    await pages.openProject(centre, `${server.url}/projects/${projectId}`);
    await centre.getByText('在「站长审批」中前加签赵敏（指导中心督导）').waitFor();
    await pages.shot(centre, '06-timeline-names-the-signer');
    await centre.close();
  });
});
