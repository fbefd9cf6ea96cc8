// The steps every work journey takes in the browser, for one project: sign in, find the project's
// task in the inbox (waiting for tasks that timers and the scheduler create), submit a form, approve,
// score a rubric, and save the milestone screenshots under the journey's name; and the start of a
// project through the wizard.
import type { Browser, Page } from 'playwright-core';
import { OFFICE_VIEWPORT, chooseOption, clickUntilShown, saveScreenshot, signInAs } from './browser';
import type { TestServer } from './test-server';
import type { Login } from './work-api-steps';

export function journeyPages(options: {
  browser: Browser;
  server: TestServer;
  journey: string;
  title: string;
}) {
  const { browser, server, journey, title } = options;

  const shot = (page: Page, step: string) => saveScreenshot(page, journey, step);

  async function signedIn(login: Login): Promise<Page> {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
    await signInAs(page, server.url, login.username, login.password);
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  /**
   * Opens the project's task from 我的待办, or claims it from 待认领 when it waits for the person's
   * role. The inbox is opened afresh until the task is there: a timer's task comes from the
   * scheduler a moment after the clock moved, and an action's next task after its effect ran.
   */
  async function openTaskFromInbox(page: Page, taskName: string, step: string): Promise<void> {
    const row = page.getByRole('row').filter({ hasText: title }).filter({ hasText: taskName });
    for (let attempt = 0; ; attempt += 1) {
      await page.goto(`${server.url}/inbox`);
      await row.or(page.getByText('暂无待办任务')).first().waitFor();
      if (await row.first().isVisible()) break;
      await page.getByRole('tab', { name: /待认领/ }).click();
      await row.or(page.getByText('暂无待认领任务')).first().waitFor();
      if (await row.first().isVisible()) break;
      if (attempt === 20) throw new Error(`${taskName} never reached the inbox of this user`);
      await page.waitForTimeout(500);
    }
    await shot(page, step);
    const claim = row.first().getByRole('button', { name: `认领“${title}”的“${taskName}”` });
    if (await claim.isVisible()) await claim.click();
    else await row.first().getByRole('link', { name: taskName }).click();
    await page.getByRole('heading', { name: taskName, level: 1 }).waitFor();
  }

  /** Presses the task's main button (提交, 提交评分 …) and waits for the way back to the inbox. */
  async function submit(page: Page, button: RegExp = /^提\s*交$/): Promise<void> {
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL((url) => url.pathname === '/inbox');
  }

  async function approve(login: Login, taskName: string, comment: string, step: string): Promise<void> {
    const page = await signedIn(login);
    await openTaskFromInbox(page, taskName, `${step}-inbox`);
    const dialog = page.getByRole('dialog', { name: '同意' });
    await clickUntilShown(page.getByRole('button', { name: /^同\s*意$/ }), dialog);
    await dialog.getByLabel('审批意见').fill(comment);
    await shot(page, `${step}-approve`);
    await dialog.getByRole('button', { name: /^同\s*意$/ }).click();
    await page.waitForURL((url) => url.pathname === '/inbox');
    await page.close();
  }

  /** One reviewer scores each criterion (label → points, the criterion's max in the input's name). */
  async function score(
    login: Login,
    taskName: string,
    points: Array<{ criterion: string; max: number; points: number }>,
    step: string,
  ): Promise<void> {
    const page = await signedIn(login);
    await openTaskFromInbox(page, taskName, `${step}-inbox`);
    for (const item of points)
      await page.getByLabel(`${item.criterion}得分（0–${item.max}）`).fill(String(item.points));
    await page.getByLabel('评审意见').fill('材料完整，评分如上。');
    await shot(page, `${step}-scored`);
    await submit(page, /^提交评分$/);
    await page.close();
  }

  async function openProject(page: Page, projectUrl: string): Promise<void> {
    await page.goto(projectUrl);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  /** The stage bar's stage names in one state: 'process' (current) or 'finish' (done). */
  const stagesWith = (page: Page, status: 'process' | 'finish') =>
    page.locator(`.sgf-work-stages .ant-steps-item-${status} .ant-steps-item-title`).allTextContents();

  return { shot, signedIn, openTaskFromInbox, submit, approve, score, openProject, stagesWith };
}

/** From 项目 → 发起项目 the person starts a process at a unit; the project's page opens. */
export async function startProjectInWizard(
  page: Page,
  start: { process: string; title: string; unit: string },
): Promise<void> {
  await page.getByRole('link', { name: '项目', exact: true }).click();
  await page.getByRole('button', { name: '发起项目' }).click();
  await page.getByRole('radio', { name: new RegExp(start.process) }).check();
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByLabel('项目标题').fill(start.title);
  await chooseOption(page.getByLabel('承接单位'), start.unit);
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByText(start.title).first().waitFor();
  await page.getByRole('button', { name: /^发\s*起$/ }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  await page.getByRole('heading', { name: start.title, level: 1 }).waitFor();
}
