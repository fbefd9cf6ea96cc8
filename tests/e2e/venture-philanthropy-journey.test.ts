// Journey: a venture-philanthropy (公益创投) project in the browser. The station's officer publishes a
// call through the wizard and files the application; the station head passes the preliminary review;
// three committee members score it on the panel's rubric; two supervisors approve it (a quorum of two
// of three seats); the landing notice leads to implementation, which the officer records; two
// committee members score the closing evaluation and the project page shows it completed with the
// six stages of its own definition done. Screenshots at each milestone.
import type { Browser } from 'playwright-core';
import { chooseOption, chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { startTestServer, type TestServer } from '../support/test-server';
import { addPerson, demoLogin, signInApi, type Login } from '../support/work-api-steps';

jest.setTimeout(300_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'venture-philanthropy-journey';
const PROCESS = '公益创投项目';
const STATION = '洪家楼街道社会工作服务站';
const TITLE = '2026 年洪家楼街道公益创投：“银龄守护”项目';
const STAGES = ['项目征集', '项目初审', '项目评审', '立项落地', '项目实施', '结项评估'];

describeWithBrowser('a venture-philanthropy project through its panel review in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let j: ReturnType<typeof journeyPages>;
  /** The panel wants three committee members above the station: the demo expert and two made here. */
  let panel: Login[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    const experts = await Promise.all(
      [
        { username: 'pingshen-wu', displayName: '吴磊（评审专家）' },
        { username: 'pingshen-zheng', displayName: '郑洁（评审专家）' },
      ].map((person) => addPerson(server, { ...person, role: 'committee_member', unitCode: 'LC' })),
    );
    panel = [demoLogin(server, 'zhuanjia'), ...experts];
    j = journeyPages({ browser, server, journey: JOURNEY, title: TITLE });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('officer applies, the panel scores, supervisors approve, and the project is implemented and closed', async () => {
    // The officer publishes the call through the wizard.
    const officer = await j.signedIn(demoLogin(server, 'shegong'));
    await officer.getByRole('link', { name: '项目', exact: true }).click();
    await officer.getByRole('button', { name: '发起项目' }).click();
    await officer.getByRole('radio', { name: new RegExp(PROCESS) }).check();
    await j.shot(officer, '01-wizard-choose');
    await officer.getByRole('button', { name: /下一步/ }).click();
    await officer.getByLabel('项目标题').fill(TITLE);
    await chooseOption(officer.getByLabel('承接单位'), STATION);
    await officer.getByLabel('创投征集名称').fill('2026 年历城区社区公益创投大赛');
    await j.shot(officer, '02-wizard-fill');
    await officer.getByRole('button', { name: /下一步/ }).click();
    await officer.getByText(TITLE).first().waitFor();
    await officer.getByRole('button', { name: /^发\s*起$/ }).click();
    await officer.waitForURL(/\/projects\/[^/]+$/);
    await officer.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const projectUrl = officer.url();
    const projectId = new URL(projectUrl).pathname.split('/').pop()!;
    expect(await j.stagesWith(officer, 'process')).toEqual(['项目征集']);
    await j.shot(officer, '03-project-started');

    // The application (申报), from the project's open tasks.
    await officer.getByRole('link', { name: '项目征集（申报）' }).click();
    await officer.getByRole('heading', { name: '项目征集（申报）', level: 1 }).waitFor();
    await officer.getByLabel('项目名称', { exact: true }).fill('“银龄守护”独居老人关爱项目');
    await officer.getByLabel('申报机构', { exact: true }).fill('历城区阳光社会工作服务中心');
    await chooseOption(officer.getByLabel('服务领域', { exact: true }), '为老服务');
    await officer.getByLabel('申请资金（元）', { exact: true }).fill('80000');
    await officer.getByLabel('专职社工', { exact: true }).fill('李晓梅');
    await officer.getByLabel('链接慈善资源（项）', { exact: true }).fill('3');
    await officer.getByLabel('志愿者人数', { exact: true }).fill('25');
    await officer
      .getByLabel('项目方案', { exact: true })
      .fill('每周入户探访 60 名独居老人，建立“邻里守望”志愿队，链接三家企业的慈善资源。');
    await j.shot(officer, '04-application-filled');
    await j.submit(officer);
    await officer.close();

    // The station head passes the preliminary review.
    await j.approve(
      demoLogin(server, 'zhanzhang'),
      '项目初审',
      '材料齐全，同意提交专家评审。',
      '05-preliminary',
    );

    // The panel: three committee members score the rubric (each criterion out of 100).
    const criteria = ['需求迫切性', '方案可行性', '创新性', '预算合理性'];
    const points = [
      [90, 85, 80, 85],
      [85, 80, 75, 90],
      [88, 82, 78, 86],
    ];
    for (const [index, member] of panel.entries())
      await j.score(
        member,
        '项目评审',
        criteria.map((criterion, i) => ({ criterion, max: 100, points: points[index]![i]! })),
        `06-panel-${index + 1}`,
      );

    // Above the passing score, the approval asks three supervisors' seats; two approvals decide.
    await j.approve(demoLogin(server, 'zhanzhang'), '立项审批', '评审得分达标，同意立项。', '07-approval-1');
    await j.approve(demoLogin(server, 'zhongxin'), '立项审批', '同意立项，按方案落地。', '08-approval-2');

    // The landing notice runs, and the implementation waits for the officer.
    const implementer = await j.signedIn(demoLogin(server, 'shegong'));
    await j.openProject(implementer, projectUrl);
    await implementer.getByRole('link', { name: '项目实施' }).waitFor();
    expect(await j.stagesWith(implementer, 'process')).toEqual(['项目实施']);
    expect(await j.stagesWith(implementer, 'finish')).toEqual(STAGES.slice(0, 4));
    await j.shot(implementer, '09-project-approved');
    await j.openTaskFromInbox(implementer, '项目实施', '10-implementation-inbox');
    await implementer.getByLabel('开展活动数', { exact: true }).fill('24');
    await implementer.getByLabel('服务人次', { exact: true }).fill('1440');
    await implementer.getByLabel('志愿者人数', { exact: true }).fill('25');
    await implementer.getByLabel('志愿服务时长（小时）', { exact: true }).fill('600');
    await implementer.getByLabel('链接慈善资金（元）', { exact: true }).fill('30000');
    await j.shot(implementer, '10-implementation-filled');
    await j.submit(implementer);

    // The closing evaluation: two committee members' seats.
    const closing = ['服务成效', '项目管理', '财务规范'];
    for (const [index, member] of panel.slice(0, 2).entries())
      await j.score(
        member,
        '结项评估',
        closing.map((criterion) => ({ criterion, max: 100, points: 88 - index * 4 })),
        `11-closing-${index + 1}`,
      );

    await j.openProject(implementer, projectUrl);
    await implementer.getByText('已完成').first().waitFor();
    expect(await j.stagesWith(implementer, 'finish')).toEqual(STAGES);
    await implementer.getByText('当前没有待办任务').waitFor();
    await j.shot(implementer, '12-project-completed');
    await implementer.close();

    // What the page does not show, the API confirms: the panel's mean of the weighted totals
    // (85.5, 82.5, 83.8) and the closing rating.
    const api = await signInApi(server, demoLogin(server, 'shegong'));
    const { json } = await api('GET', `/api/projects/${projectId}`);
    expect(json!.variables).toMatchObject({ panelScore: 83.93, closingScore: 86, closingRating: '良好' });
  });
});
