// Journey: the station head claims a lifecycle project's approval, then sets the centre's
// supervisor as his proxy for next week (我的代理, from the account menu). When next week comes
// (the injected clock moves on), the approval is in the proxy's inbox with the 代理 badge; she
// approves it and the project's timeline says why it went to her. The project reaches the approval
// through the API (the UI path is tests/e2e/project-lifecycle-journey.test.ts). Then the gaps: a
// community room's officer is refused as his proxy on the field, and a period whose proxy moved
// to another station shows its task that could not move on the period's row. Screenshots at
// 1366×768 at each milestone.
import type { Browser } from 'playwright-core';
import { createPrismaClient } from '../../api/db/prisma-client';
import { chooseOption, chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { createTestClock } from '../support/test-clock';
import { startTestServer, type TestServer } from '../support/test-server';
import { type ApiCall, demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'proxies';
const TITLE = '洪家楼街道独居老人关爱项目';

/** A local time as the range picker takes it typed: YYYY-MM-DD HH:mm. */
function typed(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

describeWithBrowser('a proxy while the station head is away, in a real browser', () => {
  const clock = createTestClock();
  let server: TestServer;
  let browser: Browser;
  let officer: ApiCall;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ clock: clock.now }),
      launchChromium(executablePath!),
    ]);
    officer = await signInApi(server, demoLogin(server, 'shegong'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openTasks(projectId: string): Promise<{ id: string; nodeId: string }[]> {
    const project = await officer('GET', `/api/projects/${projectId}`);
    return (project.json!.tasks as { id: string; nodeId: string; status: string }[]).filter(
      (task) => task.status === 'open',
    );
  }

  /** The officer starts a lifecycle project at her station: its assessment waits for her. */
  async function startLifecycle(title: string): Promise<string> {
    const catalogue = await officer('GET', '/api/processes');
    const versionId = (catalogue.json!.items as { key: string; versionId: string }[]).find(
      (item) => item.key === 'project-lifecycle',
    )!.versionId;
    const started = await officer('POST', '/api/projects', {
      versionId,
      unitId: await unitIdOf(officer, 'LC-HJL'),
      title,
      input: { projectName: title },
    });
    if (started.status !== 201) throw new Error(started.text);
    return started.json!.id as string;
  }

  /** The officer starts a project and submits its assessment: it waits for the station head. */
  async function atHeadApproval(): Promise<string> {
    const projectId = await startLifecycle(TITLE);
    const [assess] = await openTasks(projectId);
    const done = await officer('POST', `/api/tasks/${assess!.id}/complete`, {
      data: {
        targetGroup: '困境儿童',
        serviceDomain: '儿童关爱保护',
        needsSummary: '走访 30 户，课后照护需求突出。',
      },
    });
    if (done.status !== 200) throw new Error(done.text);
    return projectId;
  }

  it('the station head sets a proxy for next week; the proxy approves his claimed approval', async () => {
    const projectId = await atHeadApproval();
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });

    // He claims the approval (it is his now), then sets his proxy from the account menu.
    const head = await pages.signedIn(demoLogin(server, 'zhanzhang'));
    await pages.openTaskFromInbox(head, '站长审批', '01-head-claims');
    await head.getByTestId('account-menu').click();
    await head.getByRole('menuitem', { name: '我的代理' }).click();
    await head.getByRole('heading', { name: '我的代理', level: 1 }).waitFor();
    const form = head.locator('form[id="setProxy"]');
    // First a community room's officer, who could not hold his tasks at the station.
    await chooseOption(form.getByLabel('代理人'), '孙丽（社工室社工）（洪家楼北路社区社会工作室）');
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    nextWeek.setHours(0, 0, 0, 0);
    const until = new Date(nextWeek.getTime() + 5 * 86_400_000);
    const range = form.getByLabel('代理期间');
    await range.click();
    await range.fill(typed(nextWeek));
    await range.press('Enter');
    const end = form.getByPlaceholder(/结束/);
    await end.fill(typed(until));
    await end.press('Enter');
    await form.getByLabel('事由').fill('下周赴市里参加督导培训');
    await form.getByRole('button', { name: /设置代理/ }).click();
    await form.getByText(/代理人在「洪家楼街道社会工作服务站」及其上级机构均未任职/).waitFor();
    await pages.shot(head, '02a-room-officer-refused');
    await chooseOption(form.getByLabel('代理人'), '赵敏（指导中心督导）（历城区社会工作指导中心）');
    await pages.shot(head, '02b-head-sets-a-proxy');
    await form.getByRole('button', { name: /设置代理/ }).click();
    const row = head.getByRole('row').filter({ hasText: '赵敏（指导中心督导）' });
    await row.getByText('未开始').waitFor();
    await pages.shot(head, '03-proxy-upcoming');
    await head.close();

    // Next week: the sweeper moves his approval to her.
    clock.advance('P8D');
    const centre = await pages.signedIn(demoLogin(server, 'zhongxin'));
    await pages.openTaskFromInbox(centre, '站长审批', '04-proxy-inbox');
    await centre.getByText('代理：王建国（站长）').waitFor();
    await pages.shot(centre, '05-proxy-task-badge');
    await centre.getByRole('button', { name: /^同\s*意$/ }).click();
    const approve = centre.getByRole('dialog', { name: '同意' });
    await approve.getByLabel('审批意见').fill('代站长审批：同意进入计划阶段。');
    await approve.getByRole('button', { name: /^同\s*意$/ }).click();
    await centre.waitForURL((url) => url.pathname === '/inbox');

    await pages.openProject(centre, `${server.url}/projects/${projectId}`);
    await centre.getByText('王建国（站长）外出，「站长审批」由赵敏（指导中心督导）代理').waitFor();
    await pages.shot(centre, '06-timeline-names-the-proxy');
    await centre.close();
    expect((await openTasks(projectId)).map((task) => task.nodeId)).toEqual(['plan']);
  });

  it('shows on the period’s row a task that could not go to a proxy who moved to another station', async () => {
    const prisma = createPrismaClient(server.databaseUrl, 2);
    try {
      const station = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
      const standIn = await prisma.user.create({
        data: {
          username: 'e2e-stand-in',
          displayName: '周敏（驻站社工）',
          passwordHash: 'unusable',
          roles: { create: { role: 'officer', unitId: station.id } },
        },
      });
      await startLifecycle('花园路社区助残项目');
      // The station head sets the officer's proxy for tomorrow; then the proxy moves to another station.
      const head = await signInApi(server, demoLogin(server, 'zhanzhang'));
      const from = new Date(clock.now().getTime() + 86_400_000);
      const set = await head('POST', '/api/proxies', {
        principalUserId: await prisma.user
          .findUniqueOrThrow({ where: { username: 'shegong' } })
          .then((u) => u.id),
        proxyUserId: standIn.id,
        reason: '外出培训',
        startsAt: from.toISOString(),
        endsAt: new Date(from.getTime() + 2 * 86_400_000).toISOString(),
      });
      expect(set.status).toBe(201);
      const elsewhere = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-TY' } });
      await prisma.roleAssignment.updateMany({
        where: { userId: standIn.id },
        data: { unitId: elsewhere.id },
      });
      clock.advance('P2D');

      const pages = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
      const page = await pages.signedIn(demoLogin(server, 'zhanzhang'));
      await page.goto(`${server.url}/account/proxies`);
      await page.getByRole('tab', { name: '所辖人员的代理' }).click();
      const row = page.getByRole('row').filter({ hasText: '周敏（驻站社工）' });
      // The sweeper runs every few seconds; the page shows what it refused once reloaded.
      // Both of the officer's open tasks: this project's assessment and the plan of the one above.
      const warning = row.getByText('2 项待办未能转给代理人');
      for (let attempt = 0; attempt < 20 && !(await warning.isVisible()); attempt++) {
        await page.waitForTimeout(1_000);
        await page.reload();
        await page.getByRole('tab', { name: '所辖人员的代理' }).click();
      }
      await warning.hover();
      await page.getByText(/「项目预估（需求评估）」（项目「花园路社区助残项目」）/).waitFor();
      await pages.shot(page, '07-refused-move-on-the-period');
      await page.close();
    } finally {
      await prisma.$disconnect();
    }
  });
});
