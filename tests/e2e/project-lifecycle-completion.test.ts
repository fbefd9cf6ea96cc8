// Journey: a lifecycle project at 实施 (brought there through the API; the browser path up to there is
// project-lifecycle-journey.test.ts) runs to its end in the browser. The officer records the
// implementation; a month later by the injected clock the monthly monitoring report arrives in her
// inbox and she files it; the centre's supervisor finds problems and asks for corrective action, so
// the project goes back to 实施; the officer implements the corrections, files the next month's
// report, and the supervisor passes it; three supervisors of the county centre score it; the officer
// writes the practice case and the project page shows it completed. Screenshots at each milestone.
import type { Browser } from 'playwright-core';
import { chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { createTestClock } from '../support/test-clock';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  addPerson,
  demoLogin,
  lifecycleProjectAtImplementation,
  signInApi,
  type Login,
} from '../support/work-api-steps';

jest.setTimeout(300_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'project-lifecycle-completion';
const TITLE = '洪家楼街道“助餐进社区”服务项目';

describeWithBrowser('a lifecycle project from implementation to completion in a real browser', () => {
  const clock = createTestClock();
  let server: TestServer;
  let browser: Browser;
  let projectId: string;
  let projectUrl: string;
  let j: ReturnType<typeof journeyPages>;
  /** The evaluation wants three supervisors above the station: the centre's, and two more made here. */
  let evaluators: Login[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ clock: clock.now }),
      launchChromium(executablePath!),
    ]);
    const extra = await Promise.all([
      addPerson(server, {
        username: 'duxiao-qian',
        displayName: '钱伟（评估督导）',
        role: 'supervisor',
        unitCode: 'LC',
      }),
      addPerson(server, {
        username: 'duxiao-sun',
        displayName: '孙芳（评估督导）',
        role: 'supervisor',
        unitCode: 'LC',
      }),
    ]);
    evaluators = [demoLogin(server, 'zhongxin'), ...extra];
    j = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
    projectId = await lifecycleProjectAtImplementation(server, TITLE);
    projectUrl = `${server.url}/projects/${projectId}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const officerLogin = () => demoLogin(server, 'shegong');

  async function recordImplementation(step: string, figures: { activities: string; people: string }) {
    const officer = await j.signedIn(officerLogin());
    await j.openTaskFromInbox(officer, '项目实施', `${step}-inbox`);
    await officer.getByLabel('开展活动数', { exact: true }).fill(figures.activities);
    await officer.getByLabel('服务人次', { exact: true }).fill(figures.people);
    await officer.getByLabel('志愿者人数', { exact: true }).fill('12');
    await officer.getByLabel('志愿服务时长（小时）', { exact: true }).fill('96');
    await j.shot(officer, `${step}-filled`);
    await j.submit(officer);
    await officer.close();
  }

  /** A month passes by the clock; the report's task arrives in the officer's inbox and she files it. */
  async function fileMonthlyReport(step: string, progress: string): Promise<void> {
    const officer = await j.signedIn(officerLogin());
    await j.openProject(officer, projectUrl);
    // The cycle's timer waits on the project page (named by its node id today, by its name once the
    // page says 月度监测周期), and no report is open yet.
    const timer = officer.getByText(/月度监测周期|monitorCycle/).first();
    await timer.waitFor();
    await timer.scrollIntoViewIfNeeded();
    await expect(officer.getByRole('link', { name: '月度监测报告' }).count()).resolves.toBe(0);
    await j.shot(officer, `${step}-timer-waiting`);
    clock.advance('P1M');
    await j.openTaskFromInbox(officer, '月度监测报告', `${step}-arrived`);
    await officer.getByLabel('指标进展', { exact: true }).fill(progress);
    await officer.getByLabel('发现的问题', { exact: true }).fill('部分老人反映送餐时间偏晚。');
    await j.shot(officer, `${step}-filled`);
    await j.submit(officer);
    await officer.close();
  }

  async function supervise(step: string, notes: string, corrective?: string): Promise<void> {
    const supervisor = await j.signedIn(demoLogin(server, 'zhongxin'));
    await j.openTaskFromInbox(supervisor, '督导检查', `${step}-inbox`);
    await supervisor.getByLabel('督导意见', { exact: true }).fill(notes);
    if (corrective) {
      await supervisor.getByRole('switch', { name: '是否需要整改' }).click();
      await supervisor.getByLabel('整改要求', { exact: true }).fill(corrective);
    }
    await j.shot(supervisor, `${step}-filled`);
    await j.submit(supervisor);
    await supervisor.close();
  }

  it('officer implements, reports monthly, is sent back for correction, and the project completes', async () => {
    await recordImplementation('01-implement', { activities: '6', people: '480' });
    await fileMonthlyReport('02-monthly-report', '助餐服务累计 480 人次，完成年度目标的 20%。');

    await supervise(
      '03-supervision',
      '送餐时效不达标，需调整配送路线。',
      '一个月内调整配送路线，送餐时间提前至 11:30 前。',
    );

    // Back for correction: the project is at 实施 again with the implementation open once more.
    const officer = await j.signedIn(officerLogin());
    await j.openProject(officer, projectUrl);
    await officer.getByRole('link', { name: '项目实施' }).waitFor();
    expect(await j.stagesWith(officer, 'process')).toEqual(['实施', '监测与管理']);
    await officer.getByText('一个月内调整配送路线，送餐时间提前至 11:30 前。').first().waitFor();
    await j.shot(officer, '04-back-for-correction');
    await officer.close();

    await recordImplementation('05-corrected', { activities: '9', people: '960' });
    await fileMonthlyReport('06-monthly-report', '配送路线调整后送餐均在 11:30 前送达，累计 960 人次。');
    await supervise('07-supervision', '整改到位，同意进入评估。');

    // The evaluation committee: three supervisors of the centre each take a seat and score.
    const criteria = ['目标达成', '服务质量', '指标完成', '经费使用', '创新与推广'];
    const points = [
      [9, 9, 8, 9, 8],
      [8, 9, 9, 8, 7],
      [9, 8, 9, 9, 9],
    ];
    for (const [index, evaluator] of evaluators.entries())
      await j.score(
        evaluator,
        '项目评估',
        criteria.map((criterion, i) => ({ criterion, max: 10, points: points[index]![i]! })),
        `08-evaluate-${index + 1}`,
      );

    // The officer writes the practice case.
    const writer = await j.signedIn(officerLogin());
    await j.openTaskFromInbox(writer, '撰写实践案例', '09-practice-case-inbox');
    await writer.getByLabel('案例标题', { exact: true }).fill('“助餐进社区”：街道社工站链接资源的实践');
    await writer
      .getByLabel('案例摘要', { exact: true })
      .fill('以需求评估为起点，整改配送路线，服务 960 人次。');
    await j.shot(writer, '09-practice-case-filled');
    await j.submit(writer);

    // The project page: completed, every stage done, nothing left to do.
    await j.openProject(writer, projectUrl);
    await writer.getByText('已完成').first().waitFor();
    expect(await j.stagesWith(writer, 'process')).toEqual([]);
    expect(await j.stagesWith(writer, 'finish')).toEqual(['预估', '计划', '实施', '监测与管理', '评估']);
    await writer.getByText('当前没有待办任务').waitFor();
    await j.shot(writer, '10-project-completed');
    await writer.close();

    // What the page does not show, the API confirms: the mean of the weighted totals (86.5, 84,
    // 87.5) and its rating band.
    const api = await signInApi(server, officerLogin());
    const { json } = await api('GET', `/api/projects/${projectId}`);
    expect(json!.variables).toMatchObject({
      evaluationScore: 86,
      rating: '良好',
      correctiveActionRequired: false,
    });
  });
});
