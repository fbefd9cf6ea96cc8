// Journey: a talent published a year and a half ago (rows as a published round makes them, the term
// process started as its subprocess node starts it) was paid year 1 at the anniversary. The selection
// office (刘洋) opens 人才库, finds the talent, reads the ledger, and reports 调离本市 with the day it
// took effect, five days before: benefits stop, the title is kept, and year 2 is paid for its six
// whole months. Second journey: a leader (人才工作领导小组) finds a revocation titled with the
// talent's name in the 工作台, reads the report and the office's findings on the task, follows
// 查看人才档案 to the talent's page (read-only), approves, and sees the title revoked with the
// group's decision. Screenshots at 1366×768.
import type { Browser } from 'playwright-core';
import { Pool } from 'pg';
import { addDays } from '../../workflows/talent/calendar';
import {
  chromiumMissingReason,
  findChromium,
  launchChromium,
  seriousA11yViolations,
} from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import {
  ledgerOf,
  publishedRound,
  publishedTalent,
  shanghaiDate,
  startTerm,
  termVersionId,
  until,
} from '../support/talent-terms';
import { createTestClock } from '../support/test-clock';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, signInApi, type ApiCall } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'talent-terms';
const ROUND = '2025年度“海右”社会工作高层次人才';

describeWithBrowser(
  'the selection office manages a talent’s term in the talent pool in a real browser',
  () => {
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

    it('reads the ledger, reports 调离本市 with its effective date, and sees benefits stopped with year 2 pro-rated', async () => {
      const talent = await publishedTalent(
        pool,
        await publishedRound(pool, ROUND),
        7,
        shanghaiDate(clock.now()),
      );
      await startTerm(pool, server.orchestrator, talent, { versionId: await termVersionId(pool) });
      clock.advance('P1Y');
      await until('year 1 paid', async () =>
        (await ledgerOf(pool, talent.talentId)).length === 2 ? true : undefined,
      );
      clock.advance('P6M');
      clock.advance('P10D');
      const effectiveOn = addDays(shanghaiDate(clock.now()), -5);

      const pages = journeyPages({ browser, server, journey: JOURNEY, title: ROUND });
      const office = await pages.signedIn(demoLogin(server, 'xuanba'));
      await office.getByTestId('nav-talent').click();
      await office.getByRole('link', { name: '人才库' }).click();
      await office.getByRole('heading', { name: '人才库', level: 1 }).waitFor();
      const row = office.getByRole('row').filter({ hasText: talent.personName });
      await row.filter({ hasText: '管理期内' }).filter({ hasText: ROUND }).waitFor();
      await pages.shot(office, '01-talent-pool');

      await row.getByRole('link', { name: talent.personName }).click();
      await office.getByRole('heading', { name: talent.personName, level: 1 }).waitFor();
      await office
        .getByRole('row')
        .filter({ hasText: '第 1 年' })
        .filter({ hasText: '12,000.00' })
        .filter({ hasText: '已发放' })
        .waitFor();
      await office
        .getByRole('row')
        .filter({ hasText: '合计' })
        .filter({ hasText: '48,000.00' })
        .filter({ hasText: '未发 36,000.00 元' })
        .waitFor();
      await pages.shot(office, '02-ledger');

      await office.getByRole('button', { name: '调离本市' }).click();
      const dialog = office.getByRole('dialog', { name: '调离本市' });
      await dialog.getByLabel('情况说明').fill('调往外省工作');
      await dialog.getByLabel('生效日期').fill(effectiveOn);
      await pages.shot(office, '03-report-moved');
      await dialog.getByLabel('生效日期').press('Enter');
      await dialog.waitFor({ state: 'hidden' });

      // The term process pays the pro-rated year a moment later; the page looks again by itself.
      await office.getByText('保留称号、停止待遇').first().waitFor();
      await office
        .getByRole('row')
        .filter({ hasText: '第 2 年' })
        .filter({ hasText: '6,000.00' })
        .filter({ hasText: '已发放' })
        .waitFor({ timeout: 30_000 });
      await office.getByRole('row').filter({ hasText: '第 3 年' }).filter({ hasText: '停发' }).waitFor();
      await office.getByRole('row').filter({ hasText: '合计' }).filter({ hasText: '18,000.00' }).waitFor();
      await office.getByText(`${effectiveOn} 调离本市：调往外省工作`).waitFor();
      await office.getByText(`${effectiveOn} 停止享受待遇（当年津贴按整月折算）`).waitFor();
      expect(await office.getByRole('button', { name: '调离本市' }).isDisabled()).toBe(true);
      await pages.shot(office, '04-benefits-stopped');
      const violations = await seriousA11yViolations(office);
      expect(violations).toEqual([]);
    });

    /** The caller's open task of a node (mine or among its role's candidates). */
    const openTask = (call: ApiCall, nodeId: string) =>
      until(`an open ${nodeId}`, async () => {
        const res = await call('GET', '/api/tasks?view=candidates&limit=200');
        return (res.json!.items as { id: string; nodeId: string }[]).find((task) => task.nodeId === nodeId);
      });

    it('a leader reads the revocation’s talent and reason from the 工作台, approves, and sees the title revoked with the decision', async () => {
      const talent = await publishedTalent(
        pool,
        await publishedRound(pool, '2026年度“海右”社会工作高层次人才'),
        8,
        shanghaiDate(clock.now()),
      );
      await startTerm(pool, server.orchestrator, talent, { versionId: await termVersionId(pool) });
      await until('the term linked', async () => {
        const { rows } = await pool.query(
          'SELECT 1 FROM talent_term WHERE talent_id = $1 AND instance_id IS NOT NULL',
          [talent.talentId],
        );
        return rows.length > 0 || undefined;
      });
      // The office's part (journeyed in talent-whole-round.test.ts) through the API: report, verify.
      const officeApi = await signInApi(server, demoLogin(server, 'xuanba'));
      const reported = await officeApi('POST', `/api/talent/pool/${talent.talentId}/reports`, {
        kind: 'misconduct',
        effectiveOn: shanghaiDate(clock.now()),
        note: '违规收取服务对象费用',
      });
      expect(reported.status).toBe(200);
      const verify = await openTask(officeApi, 'verifyMisconduct');
      const verified = await officeApi('POST', `/api/tasks/${verify.id}/complete`, {
        data: { misconductVerified: true, findings: '经核实，收费属实' },
      });
      expect(verified.status).toBe(200);
      // A first leader approves; the second decides in the browser.
      const first = await signInApi(server, demoLogin(server, 'lingdao2'));
      const seat = await openTask(first, 'revocationApproval');
      const voted = await first('POST', `/api/tasks/${seat.id}/vote`, {
        vote: 'approve',
        comment: '同意撤销',
      });
      expect(voted.status).toBe(200);

      const title = `${talent.personName}·人才管理期`;
      const pages = journeyPages({ browser, server, journey: JOURNEY, title });
      const leader = await pages.signedIn(demoLogin(server, 'lingdao'));
      await pages.openTaskFromInbox(leader, '人才工作领导小组批准撤销', '05-leader-inbox');
      const context = leader.getByRole('region', { name: '人才档案摘要' });
      await context.getByText(talent.personName, { exact: true }).waitFor();
      await context.getByText(`${shanghaiDate(clock.now())}：违规收取服务对象费用`).waitFor();
      await context.getByText('经核实，收费属实').waitFor();
      await pages.shot(leader, '06-leader-task');

      await context.getByRole('link', { name: '查看人才档案' }).click();
      await leader.getByRole('heading', { name: talent.personName, level: 1 }).waitFor();
      await leader.getByText('人才工作领导小组查看（只读）').waitFor();
      await leader.getByText('违法违纪举报：违规收取服务对象费用', { exact: false }).waitFor();
      expect(await leader.getByRole('button', { name: '报告违法违纪' }).count()).toBe(0);
      expect(await leader.getByRole('button', { name: '调离本市' }).count()).toBe(0);
      await pages.shot(leader, '07-leader-talent-read-only');

      await leader.goBack();
      await leader.getByRole('heading', { name: '人才工作领导小组批准撤销', level: 1 }).waitFor();
      await leader.getByRole('button', { name: /^同\s*意$/ }).click();
      const dialog = leader.getByRole('dialog', { name: '同意' });
      await dialog.getByLabel('审批意见').fill('情况属实，同意撤销');
      await dialog.getByRole('button', { name: /^同\s*意$/ }).click();
      await leader.waitForURL((url) => url.pathname === '/inbox');

      await leader.goto(`${server.url}/talent/pool/${talent.talentId}`);
      await leader.getByText('已撤销称号').first().waitFor({ timeout: 30_000 });
      const decisions = leader.getByRole('region', { name: '人才工作领导小组决定' });
      await decisions.getByText('批准', { exact: true }).waitFor({ timeout: 30_000 });
      await decisions.getByText('同意（同意撤销）', { exact: false }).waitFor();
      await decisions.getByText('同意（情况属实，同意撤销）', { exact: false }).waitFor();
      await decisions.scrollIntoViewIfNeeded();
      await pages.shot(leader, '08-leader-revoked-decision');
      expect(await seriousA11yViolations(leader)).toEqual([]);
    });
  },
);
