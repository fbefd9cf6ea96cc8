// Journey: an officer opens a task whose form asks for assessment evidence (a `file` field of a
// small custom process), drops a program renamed .pdf and reads the server's refusal, uploads the
// real PDF with progress, submits the form, and downloads the file from the project page under its
// Chinese name. Screenshots at 1366×768; axe-core checks the task page with its drop zone.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { createPrismaClient, type Db } from '../../api/db/prisma-client';
import {
  OFFICE_VIEWPORT,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  seriousA11yViolations,
  signInAs,
} from '../support/browser';
import { publishEvidenceDefinition } from '../support/evidence-definition';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'attachments';
const TITLE = '洪家楼街道困境儿童关爱项目';
const TASK = '上传预估佐证材料';
const FILENAME = '入户评估记录.pdf';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
/** A Windows program's first bytes (DOS header pointing at a PE signature). */
function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'ascii');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'binary');
  return bytes;
}

describeWithBrowser('an officer attaches assessment evidence to a task form in a real browser', () => {
  let server: TestServer;
  let prisma: Db;
  let browser: Browser;
  let projectId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
    prisma = createPrismaClient(server.databaseUrl, 2);
    const versionId = await publishEvidenceDefinition(prisma);
    const officer = await prisma.user.findUniqueOrThrow({ where: { username: 'shegong' } });
    const station = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'LC-HJL' } });
    ({ instanceId: projectId } = await server.orchestrator.start({
      versionId,
      unitId: station.id,
      title: TITLE,
      input: { projectName: TITLE },
      actor: { userId: officer.id },
      idempotencyKey: 'e2e-attachments-start',
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
    await server?.close();
  });

  const shot = (page: Page, step: string) => saveScreenshot(page, JOURNEY, step);

  it('refuses a renamed program with the server’s reason, then uploads, submits and downloads the PDF', async () => {
    const login = server.demoLogins.find((candidate) => candidate.username === 'shegong')!;
    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT, acceptDownloads: true });
    await signInAs(page, server.url, login.username, login.password);
    await page.getByTestId('current-user').waitFor();

    // The task, from the inbox.
    await page.getByRole('link', { name: '工作台' }).click();
    await page.getByRole('row').filter({ hasText: TITLE }).getByRole('link', { name: TASK }).click();
    await page.getByRole('heading', { name: TASK, level: 1 }).waitFor();
    await page.getByText('点击或将文件拖拽到此处，上传评估佐证材料').waitFor();
    await shot(page, '01-task-form');
    // The drop zone and the form's file field pass axe-core (other parts of the page are checked by their own journeys).
    const violations = await seriousA11yViolations(page);
    expect(violations.filter((violation) => /upload|attachment/.test(violation))).toEqual([]);

    // Submitting without a file: the client rule names the field.
    await page.getByLabel('评估摘要').fill('入户走访 12 户困境儿童家庭，记录见附件。');
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByText('请填写评估佐证材料').waitFor();

    // A program renamed .pdf: the server reads its bytes and says what they are.
    const input = page.locator('input[type=file]');
    await input.setInputFiles({
      name: '评估报告.pdf',
      mimeType: 'application/pdf',
      buffer: windowsProgram(),
    });
    const refusal = page.getByRole('alert').filter({ hasText: '评估报告.pdf 上传失败' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('与文件名无关');
    expect(await refusal.textContent()).toContain('application/x-msdownload');
    await shot(page, '02-renamed-program-refused');

    // The real PDF lands and shows as a download link on the form.
    await input.setInputFiles({ name: FILENAME, mimeType: 'application/pdf', buffer: PDF });
    const chosen = page.getByRole('list', { name: '评估佐证材料：已上传的文件' });
    await chosen.getByRole('link', { name: `下载 ${FILENAME}` }).waitFor();
    await shot(page, '03-evidence-uploaded');

    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.waitForURL((url) => url.pathname === '/inbox');
    const stored = await prisma.attachment.findFirstOrThrow({ where: { instanceId: projectId } });
    expect(stored).toMatchObject({
      filename: FILENAME,
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });

    // The project page shows the submitted form with the file, which downloads as it was uploaded.
    await page.goto(`${server.url}/projects/${projectId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const link = page.getByRole('link', { name: `下载 ${FILENAME}` }).first();
    await link.waitFor();
    await shot(page, '04-project-submitted-evidence');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(FILENAME);
    expect((await readFile(await download.path())).equals(PDF)).toBe(true);
    await page.close();
  });
});
