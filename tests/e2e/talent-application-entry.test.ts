// Journey: the selection office (选拔管理工作办公室, 刘洋) enters one paper application by hand on an
// open round: a wrong identity number is shown on its field and nothing is saved; years in social
// work that disagree with the start date come back from the server onto their field; corrected,
// the application is saved and listed; its dossier shows it masked, then in full on request; a
// scanned certificate (PDF) is uploaded as the declared certificate's scan and downloaded back,
// byte for byte. The applicant then corrects their employer (修改申报, the form filled as it
// stands, its identity number fixed) and finally withdraws (撤回申报, with the reason), after which
// neither is offered and the list shows 已撤回. Screenshots at 1366×768.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import {
  chooseOption,
  chromiumMissingReason,
  clickUntilShown,
  findChromium,
  launchChromium,
  seriousA11yViolations,
} from '../support/browser';
import { journeyPages } from '../support/journey-pages';
import { identityNumberFor } from '../support/talent-entries';
import { createRoundInDialog } from '../support/talent-journey-steps';
import { startTestServer, type TestServer } from '../support/test-server';
import { demoLogin, signInApi } from '../support/work-api-steps';

jest.setTimeout(240_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'talent-application-entry';
const ROUND = '2026年度“海右”人才选拔（纸质申报补录）';
/** A one-page PDF, as small as a valid one gets. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
const SCAN = '王芳社会工作师证书.pdf';

describeWithBrowser('the selection office enters one application by hand and files its certificate', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong identity number on its field, saves the corrected form, then uploads and downloads the scan', async () => {
    const pages = journeyPages({ browser, server, journey: JOURNEY, title: ROUND });
    const office = await pages.signedIn(demoLogin(server, 'xuanba'));
    const api = await signInApi(server, demoLogin(server, 'xuanba'));
    await office.getByTestId('nav-talent').click();
    await office.getByRole('heading', { name: '人才选拔批次', level: 1 }).waitFor();
    await createRoundInDialog(office, pages.shot, { title: ROUND, quota: 6 }, '01-create-round');
    await office.getByRole('button', { name: '开启申报' }).click();
    await office.getByText('申报中').waitFor();
    const roundId = office.url().split('/').at(-1)!;
    const applications = async () =>
      ((await api('GET', `/api/talent/rounds/${roundId}/applications`)).json!.items as unknown[]).length;

    await office.getByRole('button', { name: '录入申报' }).click();
    const dialog = office.getByRole('dialog', { name: '录入申报（纸质申报表）' });
    const right = identityNumberFor(1);
    const wrong = `${right.slice(0, 17)}${right[17] === '0' ? '1' : '0'}`;
    await dialog.getByLabel('姓名').fill('王芳');
    await dialog.getByLabel('公民身份号码').fill(wrong);
    await chooseOption(dialog.getByLabel('性别'), '男');
    await dialog.getByLabel('出生日期').fill('1980-01-01');
    await dialog.getByLabel('出生日期').press('Enter');
    await dialog.getByLabel('联系电话').fill('13905310000');
    await dialog.getByLabel('工作单位').fill('历城区洪家楼街道社会工作服务站');
    await chooseOption(dialog.getByLabel('单位类型'), '城市社区');
    await chooseOption(dialog.getByLabel('服务领域'), '社区建设');
    await dialog.getByLabel('从事社会工作起始日期').fill('2015-07-01');
    await dialog.getByLabel('从事社会工作起始日期').press('Enter');
    await dialog.getByLabel('社会工作年限').fill('3');
    await chooseOption(dialog.getByLabel('社会工作者职业资格'), '高级社会工作师');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('校验码不正确（GB 11643）').waitFor();
    await pages.shot(office, '02-wrong-identity-number');
    expect(await applications()).toBe(0);

    // Corrected: the browser lets it through, and the server finds the years disagree with the start date.
    await dialog.getByLabel('公民身份号码').fill(right);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('与从事社会工作起始日期不符：截至 2026-12-31 满 11 年').waitFor();
    await pages.shot(office, '03-years-refused-by-server');
    expect(await applications()).toBe(0);

    await dialog.getByLabel('社会工作年限').fill('11');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const applicants = office.getByRole('table', { name: '申报人员' });
    const masked = right.replace(/^(.{4}).{10}(.{4})$/, '$1**********$2');
    await applicants.getByRole('row').filter({ hasText: '王芳' }).filter({ hasText: masked }).waitFor();
    expect(await applications()).toBe(1);
    await pages.shot(office, '04-entered-and-listed');

    await applicants.getByRole('link', { name: '查看 王芳 的申报材料' }).click();
    await office.getByRole('heading', { name: '申报材料：王芳', level: 1 }).waitFor();
    await office.getByText(masked).waitFor();
    expect(await office.getByText(right).count()).toBe(0);
    await office.getByRole('button', { name: '显示完整信息' }).click();
    await office.getByText(right).waitFor();
    await pages.shot(office, '05-dossier-in-full');

    await chooseOption(office.getByLabel('材料用途'), '社会工作者职业资格证书');
    await office
      .locator('input[type=file]')
      .setInputFiles({ name: SCAN, mimeType: 'application/pdf', buffer: PDF });
    const documents = office.getByRole('table', { name: '申报材料附件' });
    const link = documents.getByRole('link', { name: SCAN });
    await link.waitFor();
    await office.getByRole('table', { name: '证书' }).getByText('已上传').waitFor();
    await documents.scrollIntoViewIfNeeded();
    await pages.shot(office, '06-certificate-uploaded');

    await office.getByRole('table', { name: '证书' }).getByText('高级社会工作师').waitFor();
    expect(await seriousA11yViolations(office)).toEqual([]);

    const [download] = await Promise.all([office.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(SCAN);
    expect((await readFile(await download.path())).equals(PDF)).toBe(true);

    // 修改申报: the form comes filled in; the identity number cannot be changed.
    await office.getByRole('button', { name: '修改申报' }).click();
    const amend = office.getByRole('dialog', { name: '修改申报' });
    await amend.getByLabel('姓名').waitFor();
    expect(await amend.getByLabel('公民身份号码').inputValue()).toBe(right);
    expect(await amend.getByLabel('公民身份号码').isDisabled()).toBe(true);
    expect(await amend.getByLabel('社会工作年限').inputValue()).toBe('11.0');
    await amend.getByLabel('工作单位').fill('历城区山大路街道社会工作服务站');
    await pages.shot(office, '07-amend-filled-in');
    await amend.getByRole('button', { name: /保\s*存/ }).click();
    await amend.waitFor({ state: 'hidden' });
    await office.getByText('历城区山大路街道社会工作服务站').waitFor();
    // The certificate kept its level and the scan uploaded for it.
    const certificates = office.getByRole('table', { name: '证书' });
    await certificates
      .getByRole('row')
      .filter({ hasText: '高级社会工作师' })
      .filter({ hasText: '已上传' })
      .waitFor();

    // 撤回申报 needs the applicant's reason.
    await office.getByRole('button', { name: '撤回申报' }).click();
    const withdraw = office.getByRole('dialog', { name: '撤回 王芳 的申报' });
    // A click while the dialog still zooms in can land beside its button (seen once in CI).
    await clickUntilShown(
      withdraw.getByRole('button', { name: '撤回申报' }),
      withdraw.getByText('请输入撤回原因'),
    );
    await withdraw.getByLabel('撤回原因').fill('本人来电申请撤回，另行参加下一批次');
    await withdraw.getByRole('button', { name: '撤回申报' }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await office
      .getByText(/由 刘洋（选拔管理工作办公室） 撤回。原因：本人来电申请撤回，另行参加下一批次/)
      .waitFor();
    expect(await office.getByRole('button', { name: '修改申报' }).count()).toBe(0);
    expect(await office.getByRole('button', { name: '撤回申报' }).count()).toBe(0);
    await pages.shot(office, '08-withdrawn');
    expect(await seriousA11yViolations(office)).toEqual([]);
    await office.getByRole('link', { name: '返回选拔批次' }).click();
    await applicants.getByRole('row').filter({ hasText: '王芳' }).filter({ hasText: '已撤回' }).waitFor();
  });
});
