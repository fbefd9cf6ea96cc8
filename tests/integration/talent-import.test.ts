// Importing applications from xlsx over the real product (HTTP multipart, embedded PostgreSQL): the
// office downloads the template, fills it in with exceljs as a person would in Excel, and uploads it.
// A clean file imports every row in one go; a file with any bad row imports nothing and answers a
// report of every finding by row and column (check digit, unknown field, negative years, the same
// person twice in the file, a person already applied), never a half-applied import.
import ExcelJS from 'exceljs';
import type { Db } from '../../api/db/prisma-client';
import type { TestServer } from '../support/test-server';
import { HEADERS, applicationEntryFor, identityNumberFor, rowFor } from '../support/talent-entries';
import {
  type Call,
  sessionHeaders,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(240_000);

const DATES = { windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-31', referenceDate: '2026-12-31' };
describe('talent application import (xlsx)', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let office: Call;
  let officeId: string;
  let county: string;
  let template: ExcelJS.Workbook;
  let templateRound: string;

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    const people = await signInDemoPeople(api, ['xuanba']);
    office = people.as.xuanba!;
    officeId = people.userId.xuanba!;
    county = await unitIdByCode(prisma, 'LC');
    templateRound = await openRound('模板批次');
    const res = await fetch(`${server.url}/api/talent/rounds/${templateRound}/import-template.xlsx`, {
      headers: await sessionHeaders(prisma, officeId),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      `filename="talent-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('模板批次-导入模板.xlsx')}`,
    );
    template = new ExcelJS.Workbook();
    await template.xlsx.load(await res.arrayBuffer());
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  async function openRound(title: string): Promise<string> {
    const created = await office('POST', '/api/talent/rounds', { unitId: county, title, ...DATES });
    expect((await office('POST', `/api/talent/rounds/${created.json!.id}/open`)).status).toBe(200);
    return created.json!.id as string;
  }

  /** The template, its example row replaced by the given rows. */
  async function filledIn(rows: (string | number)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.xlsx.writeBuffer());
    const sheet = workbook.worksheets[0]!;
    sheet.spliceRows(2, 1);
    rows.forEach((row, i) => {
      sheet.getRow(i + 2).values = row;
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function upload(roundId: string, bytes: Buffer, headers: Record<string, string> = {}) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), '申报汇总.xlsx');
    const res = await fetch(`${server.url}/api/talent/rounds/${roundId}/imports`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(prisma, officeId)), ...headers },
      body: form,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it('offers a template with the Chinese headers, drop-downs and one valid example row', async () => {
    const sheet = template.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.getCell('I2').dataValidation.formulae?.[0]).toContain('社区建设');
    expect(sheet.getCell('I2').dataValidation.formulae?.[0]).toContain('应急处置');
    // The example row as it stands imports: it is a valid application.
    const done = await upload(templateRound, Buffer.from(await template.xlsx.writeBuffer()));
    expect(done).toMatchObject({ status: 201, json: { imported: 1, applications: [{ row: 2 }] } });
  });

  it('imports a clean file in one go, every application marked as imported, audited once', async () => {
    const roundId = await openRound('导入批次');
    const bytes = await filledIn([
      rowFor(101),
      rowFor(102, {
        单位类型: '养老机构',
        从事养老服务: '是',
        养老护理员等级: '高级工（三级）',
        养老管理培训考核合格: '是',
      }),
      rowFor(103, { 服务领域: '精神卫生', 社会工作者职业资格: '' }),
    ]);
    const res = await upload(roundId, bytes);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ imported: 3 });
    expect((res.json.applications as { row: number }[]).map((a) => a.row)).toEqual([2, 3, 4]);
    const list = await office('GET', `/api/talent/rounds/${roundId}/applications`);
    // Listed in the file's order.
    expect((list.json!.items as { id: string; source: string }[]).map((i) => [i.id, i.source])).toEqual(
      (res.json.applications as { id: string }[]).map((a) => [a.id, 'imported']),
    );
    const second = (res.json.applications as { id: string }[])[1]!.id;
    const detail = await office('GET', `/api/talent/applications/${second}`);
    expect(detail.json).toMatchObject({ unitType: 'elderly_care_institution', elderlyServices: true });
    expect(detail.json!.certificates).toEqual([
      expect.objectContaining({ kind: 'social_worker', level: 'intermediate' }),
      expect.objectContaining({ kind: 'elderly_care_worker', level: 'senior' }),
      expect.objectContaining({ kind: 'elderly_care_management_training', level: null }),
    ]);
    const audits = await prisma.auditLog.findMany({
      where: { action: 'talent_application.imported', resourceId: roundId },
    });
    expect(audits.map((a) => a.detail)).toEqual([{ after: { file: '申报汇总.xlsx', imported: 3 } }]);
  });

  it('refuses a file with bad rows as a whole, reporting every finding by row and column', async () => {
    const roundId = await openRound('有误的导入');
    const already = applicationEntryFor(205);
    expect((await office('POST', `/api/talent/rounds/${roundId}/applications`, already)).status).toBe(201);
    const good = identityNumberFor(201);
    const badCheck = `${identityNumberFor(202).slice(0, 17)}${identityNumberFor(202)[17] === '0' ? '1' : '0'}`;
    const bytes = await filledIn([
      rowFor(201),
      rowFor(202, { 公民身份号码: badCheck }),
      rowFor(203, { 服务领域: '占星服务' }),
      rowFor(204, { 从事社会工作年限: -3 }),
      rowFor(201, { 联系电话: '13800000000' }),
      rowFor(205),
    ]);
    const applications = await prisma.talentApplication.count();
    const res = await upload(roundId, bytes);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      code: 'TALENT_IMPORT_REJECTED',
      detailZh: '未导入任何数据：5 行共 5 处问题',
    });
    const report = (res.json.rowErrors as { row: number; column: string; reasonZh: string }[]).map((e) => [
      e.row,
      e.column,
      e.reasonZh,
    ]);
    expect(report).toEqual([
      [3, '公民身份号码', '校验码不正确（GB 11643）'],
      [4, '服务领域', expect.stringMatching(/^“占星服务”不是可选的服务领域；可选：社会福利、/)],
      [5, '从事社会工作年限', '不能为负数'],
      [6, '公民身份号码', '与第 2 行是同一人'],
      [7, '公民身份号码', '此人已在本批次申报'],
    ]);
    expect((res.json.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'rows.3.identityNumber',
      'rows.4.field',
      'rows.5.socialWorkYears',
      'rows.6.identityNumber',
      'rows.7.identityNumber',
    ]);
    // Nothing of the file was written, not even its good first row.
    expect(await prisma.talentApplication.count()).toBe(applications);
    expect(await prisma.talentCandidate.count({ where: { identityNumber: good } })).toBe(0);
    expect(
      await prisma.auditLog.count({ where: { action: 'talent_application.imported', resourceId: roundId } }),
    ).toBe(0);
  });

  it('reports every problem of one row, naming the accepted values of a labelled column', async () => {
    const roundId = await openRound('一行多处问题');
    const bytes = await filledIn([
      // An unknown level, a start date after the reference date and a bad check digit: three findings.
      rowFor(211, {
        社会工作者职业资格: '特级社工',
        从事社会工作起始日期: '2027-03-01',
        公民身份号码: `${identityNumberFor(211).slice(0, 17)}${identityNumberFor(211)[17] === '0' ? '1' : '0'}`,
      }),
      // Only the round's checks fail: the declared years disagree with the start date, and the phone.
      rowFor(212, { 从事社会工作年限: 30, 联系电话: 'abc' }),
      rowFor(211, { 社会工作者职业资格: '特级社工' }),
      // A blank labelled cell names the labels the template offers, not the stored codes.
      rowFor(213, { 性别: '' }),
    ]);
    const res = await upload(roundId, bytes);
    expect(res.status).toBe(422);
    const report = (
      res.json.rowErrors as { row: number; column: string; reason: string; reasonZh: string }[]
    ).map((e) => [e.row, e.column, e.reasonZh]);
    expect(report).toEqual([
      [
        2,
        '社会工作者职业资格',
        '“特级社工”不是可选的社会工作者职业资格；可选：助理社会工作师、社会工作师、高级社会工作师',
      ],
      [2, '公民身份号码', '校验码不正确（GB 11643）'],
      [2, '从事社会工作起始日期', '晚于本批次的计算基准日 2026-12-31'],
      [3, '联系电话', '须为 7 到 20 位数字，可含空格、+ 或 -'],
      [3, '从事社会工作年限', expect.stringMatching(/^与从事社会工作起始日期不符/)],
      [4, '社会工作者职业资格', expect.stringContaining('可选：助理社会工作师、社会工作师、高级社会工作师')],
      [5, '性别', '必填；可选：男、女'],
    ]);
    expect((res.json.rowErrors as { reason: string }[])[0]!.reason).toBe(
      'unknown value “特级社工”; accepted: 助理社会工作师, 社会工作师, 高级社会工作师',
    );
    expect(res.json.detailZh).toBe('未导入任何数据：4 行共 7 处问题');
  });

  it('refuses what is not the template, and any import while the window is closed', async () => {
    const roundId = await openRound('文件有误');
    const notXlsx = await upload(roundId, Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.json.errors).toEqual([
      { field: 'file', reason: 'not an xlsx workbook', reasonZh: '不是 xlsx 格式的 Excel 文件' },
    ]);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    const wrongHeaders = await upload(roundId, Buffer.from(await other.xlsx.writeBuffer()));
    expect(wrongHeaders.status).toBe(400);
    expect((wrongHeaders.json.errors as { reasonZh: string }[])[0]!.reasonZh).toMatch(
      /^第 1 行缺少列：性别、出生日期/,
    );
    const empty = await upload(roundId, await filledIn([]));
    expect((empty.json.errors as { reasonZh: string }[])[0]!.reasonZh).toBe('表头下没有申报数据');

    expect((await office('POST', `/api/talent/rounds/${roundId}/close`)).status).toBe(200);
    const closed = await upload(roundId, await filledIn([rowFor(301)]));
    expect(closed.status).toBe(409);
    expect(closed.json.code).toBe('TALENT_ROUND_STATE');
  });

  it('replays an import under its Idempotency-Key, and refuses the key with another file', async () => {
    const roundId = await openRound('幂等导入');
    const bytes = await filledIn([rowFor(401), rowFor(402)]);
    const key = { 'idempotency-key': 'talent-import-401' };
    const first = await upload(roundId, bytes, key);
    const again = await upload(roundId, bytes, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json).toEqual(first.json);
    expect(await prisma.talentApplication.count({ where: { roundId } })).toBe(2);
    const otherFile = await upload(roundId, await filledIn([rowFor(403)]), key);
    expect(otherFile.status).toBe(422);
    expect(otherFile.json.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('imports a full file of 500 rows within the route’s transaction', async () => {
    const roundId = await openRound('大批量导入');
    const bytes = await filledIn(Array.from({ length: 500 }, (_, i) => rowFor(10_000 + i)));
    const started = Date.now();
    const res = await upload(roundId, bytes);
    const seconds = (Date.now() - started) / 1000;
    console.log(`talent import: 500 rows checked and written in ${seconds.toFixed(1)} s`);
    expect(res.status).toBe(201);
    expect(res.json.imported).toBe(500);
    const over = await upload(
      roundId,
      await filledIn(Array.from({ length: 501 }, (_, i) => rowFor(20_000 + i))),
    );
    expect((over.json.errors as { reasonZh: string }[])[0]!.reasonZh).toBe(
      '单个文件最多 500 条申报，请拆分后导入',
    );
  });
});
