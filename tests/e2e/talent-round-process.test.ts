// Journey: the selection office (选拔管理工作办公室, 刘洋) takes a closed round with applications
// (arranged through the API) through its process from the round's page: starts screening, confirms
// the results, closes the review once the scores are in (written as rows: the committee's scoring
// pages are built in parallel), confirms the list in its 工作台, ends the public notice; two of the
// three members of the leading group approve in theirs, and the round shows 已公布. Screenshots at
// 1366×768.
import type { Browser, Locator, Page } from 'playwright-core';
import { createPrismaClient } from '../../api/db/prisma-client';
import {
  chromiumMissingReason,
  findChromium,
  launchChromium,
  seriousA11yViolations,
} from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { applicationEntryFor } from '../support/talent-entries';
import { reloadRoundUntil, roundCommand, roundStatusShows } from '../support/talent-journey-steps';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestClock } from '../support/test-clock';
import { shippedCalendar } from '../../activities/working-day-calendar';
import { addDays, noticePeriod, shanghaiDate } from '../../workflows/talent';
import { demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'talent-round-process';
const ROUND = '2026年度“海右”人才选拔（历城区）';

describeWithBrowser('the selection office runs a round to publication in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const clock = createTestClock();
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ clock: clock.now }),
      launchChromium(executablePath!),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A closed round of the county with three applicants who qualify and one who does not. */
  async function closedRound(): Promise<string> {
    const office = await signInApi(server, demoLogin(server, 'xuanba'));
    const created = await office('POST', '/api/talent/rounds', {
      unitId: await unitIdOf(office, 'LC'),
      title: ROUND,
      windowStartsOn: '2026-12-01',
      windowEndsOn: '2026-12-31',
      referenceDate: '2026-12-31',
      config: { allocation: { quota: 2 }, review: { minReviewersPerCandidate: 1, trimEachSide: 0 } },
    });
    const roundId = created.json!.id as string;
    await office('POST', `/api/talent/rounds/${roundId}/open`);
    const elderly = { unitType: 'elderly_care_institution', elderlyServices: true } as const;
    const entries = [
      applicationEntryFor(1),
      applicationEntryFor(2),
      applicationEntryFor(3, elderly),
      applicationEntryFor(4, { socialWorkSince: '2024-01-01', socialWorkYears: 2 }),
    ];
    for (const entry of entries) {
      const res = await office('POST', `/api/talent/rounds/${roundId}/applications`, entry);
      if (res.status !== 201) throw new Error(`application: ${res.status} ${res.text}`);
    }
    await office('POST', `/api/talent/rounds/${roundId}/close`);
    return roundId;
  }

  /** One submitted score sheet per eligible applicant, from the demo committee member. */
  async function scoresWritten(roundId: string): Promise<void> {
    const prisma = createPrismaClient(server.databaseUrl, 2);
    try {
      const reviewer = await prisma.user.findUniqueOrThrow({ where: { username: 'zhuanjia' } });
      const eligible = await prisma.talentApplication.findMany({
        where: { roundId, status: 'eligible' },
        orderBy: { createdAt: 'asc' },
      });
      for (const [index, application] of eligible.entries()) {
        const assignment = await prisma.talentReviewerAssignment.create({
          data: {
            applicationId: application.id,
            reviewerId: reviewer.id,
            automatic: true,
            assignedById: reviewer.id,
            submittedAt: new Date(),
          },
        });
        await prisma.talentScore.createMany({
          data: ['performance', 'competence', 'innovation', 'ethics'].map((criterionKey) => ({
            assignmentId: assignment.id,
            criterionKey,
            raw: 90 - index * 5,
          })),
        });
      }
    } finally {
      await prisma.$disconnect();
    }
  }

  const command = (page: Page, name: string, step: string) => roundCommand(page, pages.shot, name, step);
  const reloadUntil = (page: Page, url: string, what: Locator, name: string) =>
    reloadRoundUntil(page, url, ROUND, what, name);
  const statusShows = (page: Page, url: string, status: string) => roundStatusShows(page, url, ROUND, status);

  let pages: ReturnType<typeof journeyPages>;

  it('screens, reviews, confirms, notices and publishes the round', async () => {
    pages = journeyPages({ browser, server, journey: JOURNEY, title: ROUND });
    const roundId = await closedRound();
    // Two of the demo's three leaders decide the list by majority.
    const leaders = [demoLogin(server, 'lingdao'), demoLogin(server, 'lingdao2')];

    const office = await pages.signedIn(demoLogin(server, 'xuanba'));
    const url = `${server.url}/talent/${roundId}`;
    await statusShows(office, url, '申报已截止');
    await pages.shot(office, '01-round-closed');

    await command(office, '开始资格审查', '02-start-screening');
    await office.getByRole('button', { name: '确认审查结果' }).waitFor();
    const applicants = office.getByRole('table', { name: '申报人员' });
    const ineligible = applicants
      .getByRole('row')
      .filter({ hasText: '申报人4' })
      .filter({ hasText: '资格审查未通过' });
    await reloadUntil(office, url, ineligible, 'the screening results');
    await pages.shot(office, '03-screened');

    await command(office, '确认审查结果', '04-confirm-screening');
    await office.getByRole('button', { name: '结束评审并排名' }).waitFor();
    await scoresWritten(roundId);
    await command(office, '结束评审并排名', '05-close-review');
    await statusShows(office, url, '排名遴选');
    await pages.shot(office, '06-ranked');

    await pages.approve(
      demoLogin(server, 'xuanba'),
      '选拔管理工作办公室确认名单',
      '名单核对无误',
      '07-office',
    );
    await statusShows(office, url, '公示中');
    // 5 working days after today over the shipped holiday table; the office ends it once they have run.
    const notice = noticePeriod(shanghaiDate(clock.now()), 5, shippedCalendar);
    await office
      .locator('.ant-descriptions-item-content')
      .getByText(`${notice.startsOn} 至 ${notice.endsOn}（5 个工作日）`)
      .waitFor();
    const dayAfter = addDays(notice.endsOn, 1);
    clock.advance(`P${(Date.parse(dayAfter) - Date.parse(notice.startsOn)) / 86_400_000}D`);
    await command(office, '结束公示', '08-end-notice');
    await statusShows(office, url, '报领导小组审批');

    for (const [index, leader] of leaders.entries())
      await pages.approve(leader, '人才工作领导小组审批', '同意公布', `09-leader-${index + 1}`);

    await statusShows(office, url, '已公布');
    await applicants
      .getByRole('row')
      .filter({ hasText: '申报人1' })
      .getByRole('cell', { name: '入选', exact: true })
      .waitFor();
    await pages.shot(office, '10-published');
    // As in talent-rounds.test.ts: the shared pager's page number is left out, not this area's to change.
    const violations = await seriousA11yViolations(office);
    expect(violations.filter((v) => !v.includes('[aria-live="polite"]'))).toEqual([]);
  });
});
