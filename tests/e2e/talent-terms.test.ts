// Journey: a talent published a year and a half ago (rows as a published round makes them, the term
// process started as its subprocess node starts it) was paid year 1 at the anniversary. The selection
// office (刘洋) opens 人才库, finds the talent, reads the ledger, and reports 调离本市 with the day it
// took effect, five days before: benefits stop, the title is kept, and year 2 is paid for its six
// whole months. Screenshots at 1366×768.
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
import { demoLogin } from '../support/work-api-steps';

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
  },
);
