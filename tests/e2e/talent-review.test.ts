// Journey: committee review (专家评审) of a "海右" round in a real browser. The selection office
// (刘洋) assigns reviewers automatically on the round's page; the demo expert (张慧) finds her
// assignments under 我的评审, masked in the blind phase, declares a conflict on one (声明回避, with a
// reason) and scores another (保存草稿, then 提交评分 with a confirm, which locks it); the office
// sees the load, the declared conflict and the applicant now one reviewer short, and adds one by
// hand. The round's earlier states are arranged first: applications entered through the API, the
// screening results and the `review` status written as rows (engineer A builds that transition in
// parallel; tests/support/talent-review-round.ts). In a round reviewed openly the expert sees the
// documents the office filed (证明材料) and downloads one, byte for byte; in the blind round they
// are hidden; once that round is cancelled the office's 评审分配 says so. Screenshots at 1366×768.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import {
  chromiumMissingReason,
  findChromium,
  launchChromium,
  seriousA11yViolations,
} from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { roundInReview } from '../support/talent-review-round';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, signInApi, unitIdOf } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'talent-review';
const ROUND = '2026年度“海右”人才选拔（专家评审）';
const EXPERT = '张慧（评审专家）';
const OPEN_ROUND = '2026年度“海右”人才选拔（公开评审）';
/** A one-page PDF, as small as a valid one gets. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
const SCAN = '申报人7101社会工作师证书.pdf';

describeWithBrowser('the office assigns reviewers and a committee member reviews in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let prisma: Db;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    prisma = createPrismaClient(server.databaseUrl, 2);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await browser?.close();
    await server?.close();
  });

  it('auto-assigns, the expert declares a conflict on one and scores another, the office sees the load', async () => {
    const officeApi = await signInApi(server, demoLogin(server, 'xuanba'));
    const county = await unitIdOf(officeApi, 'LC');
    // Three applicants × five reviewers over the county's seven committee members: every expert
    // reviews two or three, so 张慧 has at least two.
    const { roundId } = await roundInReview(officeApi, prisma, { unitId: county, title: ROUND }, [
      { n: 7001 },
      { n: 7002 },
      { n: 7003 },
    ]);
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: ROUND });

    const office = await pages.signedIn(demoLogin(server, 'xuanba'));
    await office.goto(`${server.url}/talent/${roundId}`);
    await office.getByRole('heading', { name: ROUND, level: 1 }).waitFor();
    const section = office.getByRole('heading', { name: '评审分配' });
    await section.scrollIntoViewIfNeeded();
    await office.getByRole('button', { name: '自动分配' }).click();
    const load = office.getByRole('table', { name: '专家工作量' });
    await load.getByRole('row').filter({ hasText: EXPERT }).waitFor();
    const assigned = office.getByRole('table', { name: '评审分配' });
    await assigned.getByRole('row').filter({ hasText: '已满足' }).nth(2).waitFor();
    expect(await assigned.getByRole('row').filter({ hasText: '已满足' }).count()).toBe(3);
    await load.scrollIntoViewIfNeeded();
    await pages.shot(office, '01-auto-assigned');

    const expert = await pages.signedIn(demoLogin(server, 'zhuanjia'));
    await expert.getByTestId('nav-talent').click();
    await expert.getByRole('heading', { name: '我的评审', level: 1 }).waitFor();
    const mine = expert.getByRole('table', { name: '我的评审' });
    const rows = mine.getByRole('row').filter({ hasText: ROUND });
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    // The blind phase: a code, no name, no employer.
    expect(await mine.getByText('申报人').count()).toBe(0);
    expect(await rows.first().getByText('盲评阶段不显示').count()).toBe(1);
    await pages.shot(expert, '02-my-reviews-blind');

    const firstCode = (await rows.first().innerText()).match(/候选人 ([0-9A-F]{6})/)![1]!;
    await rows
      .first()
      .getByRole('link', { name: `评分 ${firstCode}` })
      .click();
    await expert.getByRole('heading', { name: `候选人 ${firstCode}`, level: 1 }).waitFor();
    await expert.getByText('盲评阶段：全部专家提交评分前').waitFor();
    await expert.getByRole('button', { name: '声明回避' }).click();
    const dialog = expert.getByRole('dialog', { name: '声明回避' });
    await dialog.getByLabel('回避理由').fill('曾与该候选人在同一项目组共事');
    await pages.shot(expert, '03-declare-conflict');
    await dialog.getByRole('button', { name: '声明回避' }).click();
    await expert.getByRole('heading', { name: '我的评审', level: 1 }).waitFor();
    await expert.getByText('已申报回避').waitFor();
    // The declared application's material is dropped, not read again (which would answer 404).
    expect(await expert.getByText('请求的内容不存在').count()).toBe(0);
    await rows.filter({ hasText: firstCode }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(count - 1);

    const secondCode = (await rows.first().innerText()).match(/候选人 ([0-9A-F]{6})/)![1]!;
    await rows
      .first()
      .getByRole('link', { name: `评分 ${secondCode}` })
      .click();
    await expert.getByRole('heading', { name: `候选人 ${secondCode}`, level: 1 }).waitFor();
    // Blind: the scans would name the candidate, so the page says they are hidden.
    await expert.getByText('盲评批次不显示证明材料').waitFor();
    expect(await expert.getByRole('list', { name: '证明材料' }).count()).toBe(0);
    await expert.getByLabel('工作实绩（权重 40%，满分 100）').fill('88');
    await expert.getByLabel('专业能力（权重 25%，满分 100）').fill('80');
    await expert.getByRole('button', { name: '保存草稿' }).click();
    await expert.getByText('草稿已保存').waitFor();
    await expert.getByLabel('创新与影响（权重 20%，满分 100）').fill('75');
    await expert.getByLabel('职业道德（权重 15%，满分 100）').fill('95');
    await pages.shot(expert, '04-scoring');
    await expert.getByRole('button', { name: '提交评分' }).click();
    const confirm = expert.locator('.ant-popconfirm');
    await confirm.getByText('提交后评分将锁定，不能再修改。确定提交？').waitFor();
    await confirm.getByRole('button', { name: '提交评分' }).click();
    await expert.getByText('评分已提交并锁定').waitFor();
    await expert.getByText('全部专家提交评分后显示其他专家的评分。').waitFor();
    // 0.4×88 + 0.25×80 + 0.2×75 + 0.15×95 = 84.45
    await expert.getByText('84.45').waitFor();
    expect(await expert.getByLabel('工作实绩（权重 40%，满分 100）').isDisabled()).toBe(true);
    await pages.shot(expert, '05-submitted-locked');
    expect(await seriousA11yViolations(expert)).toEqual([]);
    await expert.getByRole('link', { name: '我的评审' }).click();
    await rows.filter({ hasText: secondCode }).filter({ hasText: '已提交' }).waitFor();

    await office.reload();
    const expertLoad = load.getByRole('row').filter({ hasText: EXPERT });
    await expertLoad.waitFor();
    expect(await expertLoad.getByRole('cell').allInnerTexts()).toEqual([
      EXPERT,
      '历城区社会工作指导中心',
      String(count - 1),
      '1',
    ]);
    const conflicts = office.getByRole('table', { name: '回避记录' });
    await conflicts.getByRole('row').filter({ hasText: EXPERT }).filter({ hasText: '专家申报' }).waitFor();
    const short = assigned.getByRole('row').filter({ hasNotText: '已满足' }).filter({ hasText: '申报人' });
    expect(await short.count()).toBe(1);
    await load.scrollIntoViewIfNeeded();
    await pages.shot(office, '06-load-and-conflict');
    // The shared pager's page number fails colour contrast on every list page (see talent-rounds).
    const violations = await seriousA11yViolations(office);
    expect(violations.filter((v) => !v.includes('[aria-live="polite"]'))).toEqual([]);
    const name = (await short.getByRole('cell').first().innerText()).trim();
    // The first expert offered: the select lists only those neither assigned nor conflicted.
    const adder = short.getByLabel(`添加专家 ${name}`);
    await adder.click();
    const offered = office.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const chosen = await offered.getAttribute('title');
    await offered.click();
    await assigned
      .getByRole('row')
      .filter({ hasText: name })
      .filter({ hasText: '已满足' })
      .filter({ hasText: chosen! })
      .waitFor();
    await load.scrollIntoViewIfNeeded();
    await pages.shot(office, '07-added-by-hand');

    // Cancelled (the round process's own end, written as the row here): the section says so, read-only.
    await prisma.talentRound.update({ where: { id: roundId }, data: { status: 'cancelled' } });
    await office.reload();
    await office.getByText('本批次已取消，不再分配评审专家。').waitFor();
    expect(await office.getByRole('button', { name: '自动分配' }).count()).toBe(0);
    await assigned.getByRole('row').filter({ hasText: '已满足' }).nth(2).waitFor();
    expect(await assigned.getByRole('row').filter({ hasText: '已满足' }).count()).toBe(3);
    await section.scrollIntoViewIfNeeded();
    await pages.shot(office, '08-cancelled');
  });

  it('shows the expert the documents the office filed in a round reviewed openly, and downloads one', async () => {
    const officeApi = await signInApi(server, demoLogin(server, 'xuanba'));
    const county = await unitIdOf(officeApi, 'LC');
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: OPEN_ROUND });
    const office = await pages.signedIn(demoLogin(server, 'xuanba'));
    const {
      roundId,
      applicationIds: [applicationId],
    } = await roundInReview(
      officeApi,
      prisma,
      { unitId: county, title: OPEN_ROUND, config: { review: { blindPhase: false } } },
      [{ n: 7101 }],
      // The office files the scan while the window is closed, as on the dossier page.
      async ([id]) => {
        const stored = await office.request.post(`${server.url}/api/talent/applications/${id}/attachments`, {
          headers: { 'x-requested-with': 'shegong-flow' },
          multipart: {
            certificateKind: 'social_worker',
            file: { name: SCAN, mimeType: 'application/pdf', buffer: PDF },
          },
        });
        expect(stored.status()).toBe(201);
      },
    );
    const overview = await officeApi('GET', `/api/talent/rounds/${roundId}/review-assignments`);
    const reviewer = (overview.json!.reviewers as { reviewerId: string; name: string }[]).find(
      (r) => r.name === EXPERT,
    )!;
    const added = await officeApi('POST', `/api/talent/applications/${applicationId}/reviewers`, {
      reviewerId: reviewer.reviewerId,
    });
    expect(added.status).toBe(200);

    const expert = await pages.signedIn(demoLogin(server, 'zhuanjia'));
    await expert.goto(`${server.url}/talent/reviews/${applicationId}`);
    await expert.getByRole('heading', { name: '申报人7101', level: 1 }).waitFor();
    const documents = expert.getByRole('list', { name: '证明材料' });
    const link = documents.getByRole('link', { name: SCAN });
    await link.waitFor();
    await documents.getByText('社会工作者职业资格证书').waitFor();
    await documents.scrollIntoViewIfNeeded();
    await pages.shot(expert, '09-documents-open-review');
    // An unsubmitted scoring page, with its red 声明回避 button.
    expect(await seriousA11yViolations(expert)).toEqual([]);
    const [download] = await Promise.all([expert.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(SCAN);
    expect((await readFile(await download.path())).equals(PDF)).toBe(true);
    // The download went through the committee member's route, which records who read the scan.
    expect(
      await prisma.auditLog.count({
        where: { action: 'talent_application.document_downloaded', resourceId: applicationId! },
      }),
    ).toBe(1);
  });
});
