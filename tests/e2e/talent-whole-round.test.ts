// Journey: a whole "海右" round in a real browser, issue 12's "Done when": twelve applicants, quota 6
// (two seats reserved for elderly services), three reviewers per applicant. The selection office
// (刘洋) creates the round in the new-round dialog, imports the applications from one xlsx file,
// closes the window, screens (钱伟's three years explained), confirms, assigns reviewers
// automatically; the demo expert (张慧) declares a conflict on one applicant and scores the others in
// the browser, the office adds a reviewer by hand for the one left short; the office closes the
// review, reads the ranking (reserved seats, cut lines), confirms the list in its 工作台, upholds an
// objection against 王磊 during the notice, ends it (李强 promoted); two of three leaders approve; the
// round is 已公布 and 人才库 lists six talents. A year later the first allowance is paid; 孙丽 moves
// away (title kept, benefits stopped, year 2 pro-rated), 冯涛's misconduct is verified by the office
// and the leading group approves the revocation. Screenshots at 1366×768 in
// .data/e2e-screenshots/talent-whole-round/.
//
// Done through the API instead of the browser, and why: the other six experts' score sheets (about
// 30, each four numbers in the same form 张慧 fills in the browser) are sent through the committee's
// own routes as those experts, to keep the journey within a few minutes; the two extra members of
// the leading group are created through the admin API, as talent-round-process.test.ts does.
import type { Browser } from 'playwright-core';
import { Pool } from 'pg';
import { candidateCode } from '../../api/talent/review-scope';
import { addDays } from '../../workflows/talent/calendar';
import { chromiumMissingReason, findChromium, launchChromium } from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { identityNumberFor, rowFor, workbookWith } from '../support/talent-entries';
import {
  createRoundInDialog,
  recordObjection,
  reloadRoundUntil,
  roundCommand,
  roundStatusShows,
  submitSheetsAs,
  upholdObjection,
} from '../support/talent-journey-steps';
import { ledgerOf, shanghaiDate, until } from '../support/talent-terms';
import { createTestClock } from '../support/test-clock';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin } from '../support/work-api-steps';

jest.setTimeout(300_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'talent-whole-round';
const ROUND = '2026年度“海右”社会工作高层次人才选拔（全流程）';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CRITERIA = ['performance', 'competence', 'innovation', 'ethics'] as const;
const LABELS = [
  '工作实绩（权重 40%，满分 100）',
  '专业能力（权重 25%，满分 100）',
  '创新与影响（权重 20%，满分 100）',
  '职业道德（权重 15%，满分 100）',
];

/**
 * The applicants: every reviewer gives each the same points on every criterion, so the weighted
 * score is `score`. Reserved seats (ceil(6/3) = 2) go to 郑红 and 吴芳, general ones to 周杰, 王磊,
 * 孙丽, 冯涛 (cut lines 81 and 85); 李强 is next in line of the general list; 刘畅 is the third
 * elderly-services applicant; 钱伟 has three years of social work, two short of the minimum.
 */
const PEOPLE = [
  { n: 61, name: '周杰', score: 93 },
  { n: 62, name: '王磊', score: 91 },
  { n: 63, name: '郑红', score: 89, elderly: true },
  { n: 64, name: '孙丽', score: 87 },
  { n: 65, name: '冯涛', score: 85 },
  { n: 66, name: '李强', score: 83 },
  { n: 67, name: '吴芳', score: 81, elderly: true },
  { n: 68, name: '陈静', score: 79 },
  { n: 69, name: '何欣', score: 77 },
  { n: 70, name: '刘畅', score: 75, elderly: true },
  { n: 71, name: '马骏', score: 73 },
  { n: 72, name: '钱伟', score: 0, ineligible: true },
];

describeWithBrowser('a whole selection round, from the import to a revoked title, in a real browser', () => {
  const clock = createTestClock();
  let server: TestServer;
  let browser: Browser;
  let pool: Pool;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ clock: clock.now }),
      launchChromium(executablePath!),
    ]);
    pool = new Pool({ connectionString: server.databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await browser?.close();
    await server?.close();
  });

  it('runs the round to publication and the terms to a move away and a revocation', async () => {
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: ROUND });
    const shot = pages.shot;
    // Two of the demo's three leaders decide the list and the revocation by majority.
    const leaders = [demoLogin(server, 'lingdao'), demoLogin(server, 'lingdao2')];

    // ── The round, created in the dialog with a quota of 6 and three reviewers per applicant.
    const office = await pages.signedIn(demoLogin(server, 'xuanba'));
    await office.getByTestId('nav-talent').click();
    await createRoundInDialog(office, shot, { title: ROUND, quota: 6, minReviewers: 3 }, '01-create-round');
    const url = office.url();
    const roundId = url.split('/').pop()!;

    // ── Applications: the twelve from one xlsx file (entering a single application by a form is
    // not a page yet: the API's POST /applications is what a form would call).
    await office.getByRole('button', { name: '开启申报' }).click();
    await office.getByText('申报中').first().waitFor();
    await office.getByRole('button', { name: '导入申报' }).click();
    const importer = office.getByRole('dialog', { name: '导入申报' });
    const rows = PEOPLE.map((p) =>
      rowFor(p.n, {
        姓名: p.name,
        ...(p.elderly ? { 单位类型: '养老机构', 从事养老服务: '是' } : {}),
        ...(p.ineligible ? { 从事社会工作起始日期: '2023-07-01', 从事社会工作年限: 3 } : {}),
      }),
    );
    await importer
      .locator('input[type=file]')
      .setInputFiles({ name: '申报汇总.xlsx', mimeType: XLSX, buffer: await workbookWith(rows) });
    await importer.getByText('已导入 12 条申报').waitFor();
    await shot(office, '02-imported');
    await importer.getByRole('button', { name: /关闭|Close/ }).click();
    await importer.waitFor({ state: 'hidden' });

    await office.getByRole('button', { name: '截止申报' }).click();
    await roundStatusShows(office, url, ROUND, '申报已截止');

    // ── Screening: 钱伟's explanation on 资格审查结果.
    await roundCommand(office, shot, '开始资格审查', '03-start-screening');
    await reloadRoundUntil(
      office,
      url,
      ROUND,
      office.getByRole('row').filter({ hasText: '钱伟' }).filter({ hasText: '资格审查未通过' }),
      'the screening results',
    );
    await office.getByRole('tab', { name: '资格审查结果' }).click();
    const qian = office
      .getByRole('table', { name: '资格审查结果' })
      .getByRole('row')
      .filter({ hasText: '钱伟' });
    await qian.filter({ hasText: '不符合条件' }).getByRole('button', { name: /展开/ }).click();
    await office
      .getByRole('table', { name: '逐项审查' })
      .getByRole('row')
      .filter({ hasText: '社会工作年限' })
      .filter({ hasText: '未通过' })
      .filter({ hasText: '要求不少于 5 年' })
      .waitFor();
    await shot(office, '04-ineligible-explained');

    await roundCommand(office, shot, '确认审查结果', '05-confirm-screening');
    await office.getByRole('button', { name: '结束评审并排名' }).waitFor();

    // ── Review: automatic assignment, three experts per eligible applicant.
    // The dialog's reviewers-per-applicant reached the round's options.
    await office.getByText('每位资格审查通过的申报人分配 3 位评审专家').waitFor();
    await office.getByRole('button', { name: '自动分配' }).click();
    const assigned = office.getByRole('table', { name: '评审分配' });
    await assigned.getByRole('row').filter({ hasText: '已满足' }).nth(10).waitFor();
    await shot(office, '06-auto-assigned');

    const { rows: applications } = await pool.query<{ id: string; name: string }>(
      `SELECT a.id, c.name FROM talent_application a JOIN talent_candidate c ON c.id = a.candidate_id
       WHERE a.round_id = $1`,
      [roundId],
    );
    const scoreOf = (applicationId: string) =>
      PEOPLE.find((p) => p.name === applications.find((a) => a.id === applicationId)?.name)!.score;
    const scoreOfCode = (code: string) => scoreOf(applications.find((a) => candidateCode(a.id) === code)!.id);

    // 张慧 in the browser: a conflict declared on her first applicant, the others scored and submitted.
    const expert = await pages.signedIn(demoLogin(server, 'zhuanjia'));
    await expert.getByTestId('nav-talent').click();
    const mine = expert.getByRole('table', { name: '我的评审' }).getByRole('row').filter({ hasText: ROUND });
    await mine.first().waitFor();
    const codeOf = async (row: typeof mine) => (await row.innerText()).match(/候选人 ([0-9A-F]{6})/)![1]!;
    const recused = await codeOf(mine.first());
    await mine
      .first()
      .getByRole('link', { name: `评分 ${recused}` })
      .click();
    await expert.getByRole('button', { name: '声明回避' }).click();
    const conflict = expert.getByRole('dialog', { name: '声明回避' });
    await conflict.getByLabel('回避理由').fill('与该候选人曾在同一社会工作服务站共事');
    await shot(expert, '07-declare-conflict');
    await conflict.getByRole('button', { name: '声明回避' }).click();
    await expert.getByText('已申报回避').waitFor();
    // Back on 我的评审: the recused applicant's row leaves the list (it may show a moment from the cache).
    await expert.getByRole('heading', { name: '我的评审', level: 1 }).waitFor();
    await mine.first().waitFor();
    await mine.filter({ hasText: recused }).waitFor({ state: 'detached' });
    const pending = mine.filter({ hasText: '待评分' });
    await pending.first().waitFor();
    const sheets = await pending.count();
    expect(sheets).toBeGreaterThanOrEqual(3);
    for (let sheet = 0; sheet < sheets; sheet += 1) {
      const code = await codeOf(pending.first());
      await pending
        .first()
        .getByRole('link', { name: `评分 ${code}` })
        .click();
      await expert.getByRole('heading', { name: `候选人 ${code}`, level: 1 }).waitFor();
      for (const label of LABELS) await expert.getByLabel(label).fill(String(scoreOfCode(code)));
      if (sheet === 0) await shot(expert, '08-scoring');
      await expert.getByRole('button', { name: '提交评分' }).click();
      await expert.locator('.ant-popconfirm').getByRole('button', { name: '提交评分' }).click();
      await expert.getByText('评分已提交并锁定').waitFor();
      await expert.getByRole('link', { name: '我的评审' }).click();
      await mine.filter({ hasText: code }).filter({ hasText: '已提交' }).waitFor();
    }
    await shot(expert, '09-my-reviews-done');

    // The office adds a reviewer by hand for the applicant 张慧 recused from.
    await office.reload();
    const applicantRows = assigned
      .getByRole('row')
      .filter({ hasText: new RegExp(PEOPLE.map((p) => p.name).join('|')) });
    const short = applicantRows.filter({ hasNotText: '已满足' });
    await office
      .getByRole('table', { name: '回避记录' })
      .getByRole('row')
      .filter({ hasText: '专家申报' })
      .waitFor();
    const recusedName = applications.find((a) => candidateCode(a.id) === recused)!.name;
    const shortRow = assigned
      .getByRole('row')
      .filter({ hasText: recusedName })
      .filter({ hasNotText: '已满足' });
    await shortRow.waitFor();
    expect(await short.count()).toBe(1);
    await shortRow.getByLabel(`添加专家 ${recusedName}`).click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await assigned.getByRole('row').filter({ hasText: recusedName }).filter({ hasText: '已满足' }).waitFor();
    expect(await short.count()).toBe(0);
    expect(await applicantRows.count()).toBe(11);
    await shot(office, '10-reviewer-added');

    // The six other experts' sheets through the committee routes, as each of them.
    let sent = 0;
    for (let index = 2; index <= 7; index += 1)
      sent += await submitSheetsAs(server, demoLogin(server, `zhuanjia${index}`), roundId, CRITERIA, scoreOf);
    expect(sent).toBeGreaterThan(20);

    // ── Ranking: reserved seats and cut lines.
    await roundCommand(office, shot, '结束评审并排名', '11-close-review');
    await roundStatusShows(office, url, ROUND, '排名遴选');
    await office.getByRole('tab', { name: '排名结果' }).click();
    const ranking = office.getByRole('table', { name: '排名结果' });
    await office.getByText('已入选 2 / 2').waitFor();
    for (const name of ['郑红', '吴芳'])
      await ranking.getByRole('row').filter({ hasText: name }).filter({ hasText: '预留' }).waitFor();
    for (const name of ['周杰', '王磊', '孙丽', '冯涛'])
      await ranking.getByRole('row').filter({ hasText: name }).filter({ hasText: '普通' }).waitFor();
    await ranking.getByRole('row').filter({ hasText: '李强' }).filter({ hasText: '未入选' }).waitFor();
    await ranking.getByRole('row').filter({ hasText: '刘畅' }).filter({ hasText: '未入选' }).waitFor();
    await office.getByText('81.00').first().waitFor();
    await office.getByText('85.00').first().waitFor();
    await shot(office, '12-ranking');

    // ── The office confirms the list in its 工作台; the notice begins.
    await pages.approve(
      demoLogin(server, 'xuanba'),
      '选拔管理工作办公室确认名单',
      '名单核对无误',
      '13-office',
    );
    await roundStatusShows(office, url, ROUND, '公示中');

    // ── 公示: an objection against 王磊, recorded and upheld.
    const wang = { name: '王磊', identityNumber: identityNumberFor(62) };
    await upholdObjection(office, await recordObjection(office, wang), wang.name);
    await shot(office, '14-objection-upheld');

    // The notice lasts a number of working days: past its end before the office ends it.
    clock.advance('P20D'); // 5 working days span at most about two weeks (Spring Festival)
    const officeLater = await pages.signedIn(demoLogin(server, 'xuanba'));
    await office.close();
    await officeLater.goto(url);
    await roundCommand(officeLater, shot, '结束公示', '15-end-notice');
    await roundStatusShows(officeLater, url, ROUND, '报领导小组审批');
    await officeLater.getByRole('tab', { name: '排名结果' }).click();
    const reranked = officeLater.getByRole('table', { name: '排名结果' });
    await reranked.getByRole('row').filter({ hasText: '李强' }).filter({ hasText: '普通' }).waitFor();
    await reranked.getByRole('row').filter({ hasText: '王磊' }).filter({ hasText: '未入选' }).waitFor();
    await shot(officeLater, '16-next-in-line-promoted');

    // ── The leading group: two of three approve in their 工作台.
    for (const [index, leader] of leaders.entries())
      await pages.approve(leader, '人才工作领导小组审批', '同意公布', `17-leader-${index + 1}`);
    await roundStatusShows(officeLater, url, ROUND, '已公布');
    await shot(officeLater, '18-published');

    // ── 人才库: six talents, terms started.
    const talents = ['周杰', '郑红', '孙丽', '冯涛', '李强', '吴芳'];
    await officeLater.goto(`${server.url}/talent/pool`);
    await officeLater.getByRole('heading', { name: '人才库', level: 1 }).waitFor();
    for (const name of talents)
      await officeLater.getByRole('row').filter({ hasText: name }).filter({ hasText: '管理期内' }).waitFor();
    expect(await officeLater.getByRole('row').filter({ hasText: '王磊' }).count()).toBe(0);
    await shot(officeLater, '19-talent-pool');
    const { rows: published } = await pool.query<{ id: string; name: string }>(
      `SELECT t.id, c.name FROM talent t JOIN talent_candidate c ON c.id = t.candidate_id
       JOIN talent_term tt ON tt.talent_id = t.id AND tt.instance_id IS NOT NULL`,
    );
    expect(published.map((t) => t.name).sort()).toEqual([...talents].sort());

    // ── A year later: the first year's allowance is paid to every talent.
    clock.advance('P1Y');
    for (const talent of published)
      await until(`year 1 paid to ${talent.name}`, async () =>
        (await ledgerOf(pool, talent.id)).some((l) => l.kind === 'paid' && l.termYear === 1)
          ? true
          : undefined,
      );
    clock.advance('P6M');
    clock.advance('P10D');
    const today = shanghaiDate(clock.now());
    const office2 = await pages.signedIn(demoLogin(server, 'xuanba'));
    await officeLater.close();
    const openTalent = async (name: string) => {
      await office2.goto(`${server.url}/talent/pool`);
      await office2.getByRole('row').filter({ hasText: name }).getByRole('link', { name }).click();
      await office2.getByRole('heading', { name, level: 1 }).waitFor();
    };
    await openTalent('孙丽');
    await office2
      .getByRole('row')
      .filter({ hasText: '第 1 年' })
      .filter({ hasText: '12,000.00' })
      .filter({ hasText: '已发放' })
      .waitFor();
    await shot(office2, '20-year-1-paid');

    // ── 孙丽 moves away (effective five days ago): title kept, benefits stopped, year 2 pro-rated.
    const movedOn = addDays(today, -5);
    await office2.getByRole('button', { name: '调离本市' }).click();
    const move = office2.getByRole('dialog', { name: '调离本市' });
    await move.getByLabel('情况说明').fill('调往外省工作');
    await move.getByLabel('生效日期').fill(movedOn);
    await move.getByLabel('生效日期').press('Enter');
    await move.waitFor({ state: 'hidden' });
    await office2.getByText('保留称号、停止待遇').first().waitFor();
    await office2
      .getByRole('row')
      .filter({ hasText: '第 2 年' })
      .filter({ hasText: '6,000.00' })
      .filter({ hasText: '已发放' })
      .waitFor({ timeout: 30_000 });
    await office2.getByRole('row').filter({ hasText: '合计' }).filter({ hasText: '18,000.00' }).waitFor();
    await shot(office2, '21-moved-away');

    // ── 冯涛: misconduct reported, verified by the office, revocation approved by two leaders.
    await openTalent('冯涛');
    await office2.getByRole('button', { name: '报告违法违纪' }).click();
    const report = office2.getByRole('dialog', { name: '报告违法违纪' });
    await report.getByLabel('情况说明').fill('收受服务对象财物，经举报查实线索');
    await report.getByLabel('生效日期').fill(today);
    await report.getByLabel('生效日期').press('Enter');
    await report.waitFor({ state: 'hidden' });
    await office2.getByText('违法违纪举报').first().waitFor({ timeout: 30_000 });
    await shot(office2, '22-misconduct-reported');

    const fengTerm = await until('the verification task', async () => {
      const { rows: tasks } = await pool.query<{ title: string }>(
        `SELECT i.title FROM task t JOIN process_instance i ON i.id = t.instance_id
         WHERE t.node_id = 'verifyMisconduct' AND t.status = 'open'`,
      );
      return tasks[0]?.title;
    });
    const termPages = journeyPages({ browser, server, journey: JOURNEY, title: fengTerm });
    await termPages.openTaskFromInbox(office2, '选拔管理工作办公室核实', '23-verify-inbox');
    await office2.getByLabel('情况是否属实').click();
    await office2.getByLabel('核实情况').fill('经调查，举报情况属实');
    await shot(office2, '24-verify');
    await termPages.submit(office2);
    for (const [index, leader] of leaders.entries())
      await termPages.approve(
        leader,
        '人才工作领导小组批准撤销',
        '同意撤销称号',
        `25-revoke-leader-${index + 1}`,
      );

    await openTalent('冯涛');
    await office2.getByText('已撤销称号').first().waitFor({ timeout: 30_000 });
    await shot(office2, '26-revoked');
    await office2.goto(`${server.url}/talent/pool`);
    await office2.getByRole('row').filter({ hasText: '冯涛' }).filter({ hasText: '已撤销称号' }).waitFor();
    await office2
      .getByRole('row')
      .filter({ hasText: '孙丽' })
      .filter({ hasText: '保留称号、停止待遇' })
      .waitFor();
    await shot(office2, '27-pool-after');
  });
});
