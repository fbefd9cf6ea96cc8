// Steps the talent-round journeys share: the office's process commands on the round's page (a button
// confirmed in its popover), reloading the round's page until the scheduler's actions show, the
// extra leading-group members a majority of three needs, and score sheets sent through the
// committee routes as the reviewers themselves.
import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './browser';
import type { TestServer } from './test-server';
import { signInApi, type Login } from './work-api-steps';

type Shot = (page: Page, step: string) => Promise<unknown>;

/** Presses the round's process command (开始资格审查 …), screenshots its confirmation, confirms it. */
export async function roundCommand(page: Page, shot: Shot, name: string, step: string): Promise<void> {
  await page.getByRole('button', { name }).click();
  await page.getByRole('tooltip').getByText(name, { exact: true }).waitFor();
  await shot(page, step);
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定/ })
    .click();
}

/**
 * Reloads the round's page until it shows `what`: the scheduler runs the process's actions between
 * the office's commands, a moment after each.
 */
export async function reloadRoundUntil(
  page: Page,
  url: string,
  title: string,
  what: Locator,
  name: string,
): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await page.goto(url);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('table', { name: '申报人员' }).getByRole('row').nth(1).waitFor();
    if (await what.first().isVisible()) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`the round never showed ${name}`);
}

/** Reloads the round's page until its status reads `status`. */
export const roundStatusShows = (page: Page, url: string, title: string, status: string) =>
  reloadRoundUntil(
    page,
    url,
    title,
    page.locator('.ant-descriptions-item-content').filter({ hasText: status }),
    status,
  );

/**
 * Every unsubmitted sheet of the round assigned to `reviewer`, submitted through the committee's
 * routes as that reviewer, each criterion scored `pointsFor(applicationId)`. Returns how many.
 */
export async function submitSheetsAs(
  server: TestServer,
  reviewer: Login,
  roundId: string,
  criteria: readonly string[],
  pointsFor: (applicationId: string) => number,
): Promise<number> {
  const call = await signInApi(server, reviewer);
  const mine = await call('GET', '/api/talent/reviews');
  const open = (mine.json!.items as { id: string; roundId: string; submitted: boolean }[]).filter(
    (a) => a.roundId === roundId && !a.submitted,
  );
  for (const assignment of open) {
    const points = pointsFor(assignment.id);
    const sent = await call('POST', `/api/talent/reviews/${assignment.id}/submit`, {
      criteria: Object.fromEntries(criteria.map((key) => [key, points])),
    });
    if (sent.status !== 200) throw new Error(`submit as ${reviewer.username}: ${sent.status} ${sent.text}`);
  }
  return open.length;
}

/**
 * Fills 新建选拔批次 on the rounds page for a round with window December 2026 and reference date
 * 2026-12-31, screenshots it, and submits it (Enter in the last date picker, once the form is
 * complete); returns when the round's page shows.
 */
export async function createRoundInDialog(
  page: Page,
  shot: Shot,
  round: {
    title: string;
    quota: number;
    minReviewers?: number;
    /** Turns 盲评 off (it is on by default). */
    notBlind?: true;
    /** The labels of the 分数标准化 and 养老服务领域人数不足时 options to choose. */
    normalisation?: string;
    shortfall?: string;
  },
  step: string,
): Promise<void> {
  await page.getByRole('button', { name: '新建选拔批次' }).click();
  const dialog = page.getByRole('dialog', { name: '新建选拔批次' });
  await dialog.getByLabel('批次名称').fill(round.title);
  await dialog.getByLabel('选拔名额').fill(String(round.quota));
  if (round.minReviewers) await dialog.getByLabel('每位申报人评审专家人数').fill(String(round.minReviewers));
  if (round.notBlind) await dialog.getByRole('switch', { name: '盲评' }).click();
  // Two-option selects without a search box: opened, then the option clicked by its title.
  for (const [label, option] of [
    ['分数标准化', round.normalisation],
    ['养老服务领域人数不足时', round.shortfall],
  ] as const)
    if (option) {
      await dialog.getByLabel(label).click();
      await page.getByTitle(option, { exact: true }).click();
      await dialog.getByTitle(option, { exact: true }).waitFor();
    }
  // Typed into the date pickers; Enter takes a date.
  await dialog.getByLabel('计算基准日').fill('2026-12-31');
  await dialog.getByLabel('计算基准日').press('Enter');
  await dialog.getByPlaceholder('开始日期').fill('2026-12-01');
  await dialog.getByPlaceholder('开始日期').press('Enter');
  await dialog.getByPlaceholder('结束日期').fill('2026-12-31');
  await shot(page, step);
  await dialog.getByPlaceholder('结束日期').press('Enter');
  await page.getByRole('heading', { name: round.title, level: 1 }).waitFor();
}

/** On 公示异议: records an objection against a selected candidate (the option's label names them). */
export async function recordObjection(
  page: Page,
  against: { name: string; identityNumber: string },
  shot?: { shot: Shot; step: string },
): Promise<Locator> {
  await page.getByRole('tab', { name: '公示异议' }).click();
  await page.getByRole('button', { name: '登记异议' }).click();
  const record = page.getByRole('dialog', { name: '登记异议' });
  const masked = against.identityNumber.replace(/^(.{4}).{10}(.{4})$/, '$1**********$2');
  await chooseOption(record.getByLabel('被异议的入选人员'), `${against.name}（${masked}）`);
  await record.getByLabel('异议提出人').fill('某社区居民（实名来信）');
  await record.getByLabel('异议内容').fill('反映其申报材料中的服务时长与实际不符');
  if (shot) await shot.shot(page, shot.step);
  await record.getByRole('button', { name: '登记异议' }).click();
  await record.waitFor({ state: 'hidden' });
  const objection = page
    .getByRole('table', { name: '公示异议' })
    .getByRole('row')
    .filter({ hasText: against.name });
  await objection.filter({ hasText: '待处理' }).waitFor();
  return objection;
}

/** Upholds the objection in `objection`'s row (异议成立, with a reason) and waits for the row to say so. */
export async function upholdObjection(page: Page, objection: Locator, name: string): Promise<void> {
  await objection.getByRole('button', { name: '处理异议' }).click();
  const decide = page.getByRole('dialog', { name: `处理异议：${name}` });
  await decide.getByLabel('异议成立', { exact: true }).check();
  await decide.getByLabel('处理理由').fill('经核实，服务时长证明与社保记录不符，异议成立');
  await decide.getByRole('button', { name: '处理异议' }).click();
  await decide.waitFor({ state: 'hidden' });
  await objection.filter({ hasText: '异议成立' }).filter({ hasText: '经核实' }).waitFor();
}
