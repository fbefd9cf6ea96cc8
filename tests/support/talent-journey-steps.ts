// Steps the talent-round journeys share: the office's process commands on the round's page (a button
// confirmed in its popover), reloading the round's page until the scheduler's actions show, the
// extra leading-group members a majority of three needs, and score sheets sent through the
// committee routes as the reviewers themselves.
import type { Locator, Page } from 'playwright-core';
import type { TestServer } from './test-server';
import { addPerson, signInApi, type Login } from './work-api-steps';

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
 * Two more members of the leading group (人才工作领导小组) at the county beside the demo's 陈志强:
 * its approvals have three seats for three different holders. Returns the logins of two who decide.
 */
export async function leadingGroupOfThree(server: TestServer, demo: Login): Promise<Login[]> {
  const second = await addPerson(server, {
    username: 'lingdao2',
    displayName: '王伟（人才工作领导小组）',
    role: 'leading_group',
    unitCode: 'LC',
  });
  await addPerson(server, {
    username: 'lingdao3',
    displayName: '赵敏（人才工作领导小组）',
    role: 'leading_group',
    unitCode: 'LC',
  });
  return [demo, second];
}

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
