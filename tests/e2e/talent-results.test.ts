// Journey: the selection office (选拔管理工作办公室, 刘洋) works on a round's results, and the leading
// group (人才工作领导小组, 陈志强) reads a list read-only. 刘洋 opens a round in screening, expands an
// ineligible candidate's rule-by-rule explanation and overrides the result with a reason (人工调整);
// in a round under public notice (公示) he reads a candidate's ranking explanation (which tie-break
// decided the seat), records an objection against a selected candidate and upholds it. 陈志强 finds
// the noticed round (and not the one still in screening) in his list and opens its ranking, the
// office's manual override of that round and the upheld objection with its decision, masked, with no
// command to press. The rounds' earlier states are written by tests/support/talent-results-fixtures.ts
// with the pure rules' real outputs (the round process's actions are built in parallel). 1366×768.
import type { Browser } from 'playwright-core';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import {
  chromiumMissingReason,
  findChromium,
  launchChromium,
  seriousA11yViolations,
} from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { arrangeRound, type ArrangedRound } from '../support/talent-results-fixtures';
import { recordObjection, upholdObjection } from '../support/talent-journey-steps';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'talent-results';
const SCREENING = '2026年度“海右”人才选拔（资格审查）';
const NOTICE = '2026年度“海右”人才选拔（公示）';

const OVERRIDE_REASON = '补交了社会工作年限证明，经核实符合条件';

describeWithBrowser('the office acts on a round’s results and the leading group reads the list', () => {
  let server: TestServer;
  let browser: Browser;
  let prisma: Db;
  let screening: ArrangedRound;
  let notice: ArrangedRound;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    prisma = createPrismaClient(server.databaseUrl, 2);
    const unitId = (await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC' } })).id;
    const createdById = (await prisma.user.findUniqueOrThrow({ where: { username: 'xuanba' } })).id;
    screening = await arrangeRound(prisma, {
      unitId,
      createdById,
      title: SCREENING,
      status: 'screening',
      people: [
        { n: 1, entry: { name: '赵敏' } },
        { n: 2, entry: { name: '钱伟', socialWorkSince: '2022-03-01', socialWorkYears: 4.8 } },
      ],
    });
    // Quota 6, two seats reserved for elderly services; 孙丽 and 李强 tie on score and credentials,
    // and 孙丽 applied first: 李强 misses the last general seat on the application time.
    notice = await arrangeRound(prisma, {
      unitId,
      createdById,
      title: NOTICE,
      status: 'notice',
      config: { allocation: { quota: 6 } },
      ranked: true,
      people: [
        { n: 11, score: 91, entry: { name: '周杰' } },
        { n: 12, score: 72, entry: { name: '吴芳', unitType: 'elderly_care_institution' } },
        { n: 13, score: 64, entry: { name: '郑红', elderlyServices: true } },
        { n: 14, score: 86, entry: { name: '王磊' } },
        { n: 15, score: 81, entry: { name: '孙丽', certificates: [] } },
        { n: 16, score: 83, entry: { name: '冯涛' } },
        { n: 17, score: 81, entry: { name: '李强', certificates: [] } },
        { n: 18, score: 70, entry: { name: '陈静' } },
      ],
    });
    // An override the office made while this round was in screening: the rules found 陈静 ineligible.
    const chen = notice.applications.find((a) => a.name === '陈静')!;
    await prisma.talentApplication.update({
      where: { id: chen.applicationId },
      data: {
        screeningResult: 'ineligible',
        overrideResult: 'eligible',
        overrideReason: OVERRIDE_REASON,
        overrideById: createdById,
        overrideAt: new Date('2026-12-10T02:00:00Z'),
      },
    });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await browser?.close();
    await server?.close();
  });

  it('overrides a screening result, reads a ranking explanation, upholds an objection; the leading group reads the list', async () => {
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: NOTICE });
    const office = await pages.signedIn(demoLogin(server, 'xuanba'));
    await office.getByTestId('nav-talent').click();
    await office.getByRole('link', { name: SCREENING }).click();
    await office.getByRole('heading', { name: SCREENING, level: 1 }).waitFor();

    // 资格审查结果: 钱伟 has too few years; the rule says so with the values it used.
    await office.getByRole('tab', { name: '资格审查结果' }).click();
    const results = office.getByRole('table', { name: '资格审查结果' });
    const qian = results.getByRole('row').filter({ hasText: '钱伟' });
    await qian.filter({ hasText: '不符合条件' }).waitFor();
    await qian.getByRole('button', { name: /展开/ }).click();
    const rules = office.getByRole('table', { name: '逐项审查' });
    await rules
      .getByRole('row')
      .filter({ hasText: '社会工作年限' })
      .filter({ hasText: '未通过' })
      .filter({ hasText: '截至 2026-12-31 从事社会工作 4 年 9 个月，要求不少于 5 年' })
      .filter({ hasText: '社会工作月数：57；要求月数：60' })
      .waitFor();
    await rules.scrollIntoViewIfNeeded();
    await pages.shot(office, '01-screening-explained');
    // The shared pager's page number fails colour contrast on every list page (talent-rounds journey).
    const accessible = async (page: typeof office) =>
      (await seriousA11yViolations(page)).filter((v) => !v.includes('[aria-live="polite"]'));
    expect(await accessible(office)).toEqual([]);

    await qian.getByRole('button', { name: '人工调整' }).click();
    const dialog = office.getByRole('dialog', { name: '人工调整资格审查结果：钱伟' });
    await dialog.getByLabel('符合条件', { exact: true }).check();
    const reason = '补交了 2021 年前在农村社区从事社会工作的证明，年限满五年';
    await dialog.getByLabel('调整理由').fill(reason);
    await pages.shot(office, '02-override-dialog');
    await dialog.getByRole('button', { name: '人工调整' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await qian.filter({ hasText: reason }).filter({ hasText: '刘洋（选拔管理工作办公室）' }).waitFor();
    await qian.getByRole('button', { name: '撤销调整' }).waitFor();
    await pages.shot(office, '03-overridden');

    // 排名结果 of the round in notice: 李强's seat was decided by the application time against 孙丽.
    await office.getByRole('link', { name: '人才选拔批次' }).click();
    await office.getByRole('link', { name: NOTICE }).click();
    await office.getByRole('heading', { name: NOTICE, level: 1 }).waitFor();
    await office.getByRole('tab', { name: '排名结果' }).click();
    await office.getByText('已入选 2 / 2').waitFor();
    const ranking = office.getByRole('table', { name: '排名结果' });
    const li = ranking.getByRole('row').filter({ hasText: '李强' });
    await li.filter({ hasText: '未入选' }).waitFor();
    await li.getByRole('button', { name: /展开/ }).click();
    await office.getByText('与孙丽比较，按申报时间先后未入选').waitFor();
    await office.getByText('预留 64.00，普通 81.00').first().waitFor();
    await pages.shot(office, '04-ranking-explained');
    // The review is over: 评审分配 tells what it was, with no command or prompt of the review phase.
    await office
      .getByText(/^专家评审已结束：8 位申报人由 \d+ 位评审专家评审，共提交 \d+ 份评分，回避记录 \d+ 条。$/)
      .waitFor();
    expect(await office.getByRole('button', { name: '自动分配' }).count()).toBe(0);

    // 公示异议: recorded against 王磊, then upheld.
    const wang = notice.applications.find((a) => a.name === '王磊')!;
    const masked = wang.identityNumber.replace(/^(.{4}).{10}(.{4})$/, '$1**********$2');
    const objection = await recordObjection(office, wang, { shot: pages.shot, step: '05-record-objection' });
    await upholdObjection(office, objection, '王磊');
    await pages.shot(office, '06-objection-upheld');
    await office.getByRole('tab', { name: '排名结果' }).click();
    await ranking
      .getByRole('row')
      .filter({ hasText: '王磊' })
      .filter({ hasText: '异议成立，待结束公示后递补' })
      .waitFor();
    expect(
      (await prisma.talentApplication.findUniqueOrThrow({ where: { id: wang.applicationId } })).status,
    ).toBe('removed');
    const qianRow = screening.applications.find((a) => a.name === '钱伟')!;
    expect(
      (await prisma.talentApplication.findUniqueOrThrow({ where: { id: qianRow.applicationId } }))
        .overrideReason,
    ).toBe(reason);
    expect(await accessible(office)).toEqual([]);

    // The leading group: the noticed round only, its ranking read-only.
    const leading = await pages.signedIn(demoLogin(server, 'lingdao'));
    await leading.getByTestId('nav-talent').click();
    await leading.getByRole('heading', { name: '待审阅的选拔名单', level: 1 }).waitFor();
    const list = leading.getByRole('table', { name: '待审阅的选拔名单' });
    await list.getByRole('row').filter({ hasText: NOTICE }).filter({ hasText: '公示中' }).waitFor();
    expect(await list.getByRole('row').filter({ hasText: SCREENING }).count()).toBe(0);
    await pages.shot(leading, '07-leading-group-rounds');
    await list.getByRole('link', { name: NOTICE }).click();
    await leading.getByRole('heading', { name: NOTICE, level: 1 }).waitFor();
    const readOnly = leading.getByRole('table', { name: '排名结果' });
    await readOnly.getByRole('row').filter({ hasText: '周杰' }).filter({ hasText: '普通' }).waitFor();
    await readOnly.getByRole('row').filter({ hasText: '王磊' }).filter({ hasText: masked }).waitFor();
    expect(await leading.getByText(wang.identityNumber).count()).toBe(0);
    await readOnly.getByRole('row').filter({ hasText: '李强' }).getByRole('button', { name: /展开/ }).click();
    await leading.getByText('与孙丽比较，按申报时间先后未入选').waitFor();
    expect(await leading.getByRole('button', { name: /登记异议|处理异议|人工调整/ }).count()).toBe(0);
    await pages.shot(leading, '08-leading-group-list');
    expect(await accessible(leading)).toEqual([]);
    // The office's override and the objection with its decision, read-only and masked.
    await leading.getByRole('tab', { name: '人工调整记录' }).click();
    const chen = notice.applications.find((a) => a.name === '陈静')!;
    await leading
      .getByRole('table', { name: '人工调整记录' })
      .getByRole('row')
      .filter({ hasText: '陈静' })
      .filter({ hasText: chen.identityNumber.replace(/^(.{4}).{10}(.{4})$/, '$1**********$2') })
      .filter({ hasText: OVERRIDE_REASON })
      .filter({ hasText: '刘洋（选拔管理工作办公室）' })
      .waitFor();
    await pages.shot(leading, '09-leading-group-overrides');
    await leading.getByRole('tab', { name: '公示异议' }).click();
    await leading
      .getByRole('table', { name: '公示异议' })
      .getByRole('row')
      .filter({ hasText: '王磊' })
      .filter({ hasText: masked })
      .filter({ hasText: '异议成立' })
      .filter({ hasText: '经核实，服务时长证明与社保记录不符，异议成立' })
      .filter({ hasText: /刘洋（选拔管理工作办公室） 于 .+ 处理/ })
      .waitFor();
    expect(await leading.getByText(chen.identityNumber).count()).toBe(0);
    expect(await leading.getByRole('button', { name: /登记异议|处理异议|人工调整/ }).count()).toBe(0);
    await pages.shot(leading, '10-leading-group-objections');
    expect(await accessible(leading)).toEqual([]);
    // A round still in screening is not before the leading group, even by its address.
    await leading.goto(`${server.url}/talent/${screening.roundId}`);
    await leading.getByText('未找到该选拔名单，或尚未到领导小组审阅阶段').waitFor();
  });
});
