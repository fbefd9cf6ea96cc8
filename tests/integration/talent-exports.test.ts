// The talent xlsx exports over the real HTTP server: a round's ranking (排名结果) in merit order,
// masked for everyone unless the selection office asks for the full numbers (the leading group may
// not), and the talent pool (人才库) under the list's filters, masked; each export an audit row.
import ExcelJS from 'exceljs';
import { Pool } from 'pg';
import type { Db } from '../../api/db/prisma-client';
import { arrangeRound, type ArrangedRound } from '../support/talent-results-fixtures';
import { identityNumberFor } from '../support/talent-entries';
import { publishedRound, publishedTalent } from '../support/talent-terms';
import type { TestServer } from '../support/test-server';
import {
  type Call,
  sessionHeaders,
  signInDemoPeople,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(120_000);

const MASKED = /^3701\*{10}[\dX]{4}$/;

describe('talent exports (xlsx)', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let pool: Pool;
  const ids: Record<string, string> = {};
  let ranked: ArrangedRound;

  beforeAll(async () => {
    const api = await startAdminApi();
    ({ server, prisma, admin } = api);
    pool = new Pool({ connectionString: server.databaseUrl, max: 2 });
    const people = await signInDemoPeople(api, ['xuanba', 'lingdao']);
    Object.assign(ids, people.userId);
    ranked = await arrangeRound(prisma, {
      unitId: await unitIdByCode(prisma, 'LC'),
      createdById: ids.xuanba!,
      title: '公示中的批次',
      status: 'notice',
      config: { allocation: { quota: 3 } },
      ranked: true,
      people: [
        { n: 51, score: 70 },
        { n: 52, score: 90 },
        { n: 53, score: 60, entry: { elderlyServices: true } },
        { n: 54, score: 80 },
      ],
    });
  });
  afterAll(async () => {
    await pool?.end();
    await stopAdminApi({ server, prisma, admin });
  });

  async function download(userId: string, path: string) {
    const res = await fetch(`${server.url}${path}`, { headers: await sessionHeaders(prisma, userId) });
    if (res.status !== 200) return { status: res.status, rows: [] as string[][], disposition: null };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
      rows.push(cells);
    });
    return { status: res.status, rows, disposition: res.headers.get('content-disposition') };
  }
  const exportsOf = async (action: 'talent_round.ranking_exported' | 'talent.pool_exported') =>
    (await prisma.auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } })).map((a) => ({
      actorId: a.actorId,
      after: (a.detail as { after: unknown }).after,
    }));

  it('exports the ranking in merit order with seats and scores, masked unless the office asks in full', async () => {
    const path = `/api/talent/rounds/${ranked.roundId}/ranking-results/export.xlsx`;
    const masked = await download(ids.xuanba!, path);
    expect(masked.disposition).toMatch(/filename="talent-ranking-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(masked.disposition!)![1]!)).toMatch(
      /-排名结果-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    expect(masked.rows[0]).toEqual([
      '排名',
      '姓名',
      '公民身份号码',
      '工作单位',
      '服务领域',
      '名额类别',
      '名额',
      '最终得分',
      '公示结果',
    ]);
    // Quota 3, one seat reserved for elderly services: 53 holds it at 60, 52 and 54 the general seats.
    const body = masked.rows.slice(1);
    expect(body.map((r) => Number(r[0]))).toEqual([1, 2, 3, 4]);
    expect(Object.fromEntries(body.map((r) => [r[1], [r[5], r[6], r[7]]]))).toEqual({
      申报人52: ['普通类别', '普通名额', '90'],
      申报人54: ['普通类别', '普通名额', '80'],
      申报人51: ['普通类别', '未入选', '70'],
      申报人53: ['养老服务领域', '预留名额', '60'],
    });
    expect(masked.rows.slice(1).every((r) => MASKED.test(r[2]!))).toBe(true);
    const full = await download(ids.xuanba!, `${path}?identityNumbers=full`);
    expect(full.rows.find((r) => r[1] === '申报人52')![2]).toBe(identityNumberFor(52));

    // The leading group reads the list it is to approve, but never the numbers in full.
    const leading = await download(ids.lingdao!, path);
    expect(leading.status).toBe(200);
    expect(leading.rows.slice(1).every((r) => MASKED.test(r[2]!))).toBe(true);
    expect((await download(ids.lingdao!, `${path}?identityNumbers=full`)).status).toBe(403);

    expect(await exportsOf('talent_round.ranking_exported')).toEqual([
      { actorId: ids.xuanba, after: { filters: { identityNumbers: 'masked' }, rowCount: 4 } },
      { actorId: ids.xuanba, after: { filters: { identityNumbers: 'full' }, rowCount: 4 } },
      { actorId: ids.lingdao, after: { filters: { identityNumbers: 'masked' }, rowCount: 4 } },
    ]);
  });

  it('exports the pool under the list’s filters, masked, and audits it', async () => {
    const round = await publishedRound(pool, '2026年度人才库导出');
    await publishedTalent(pool, round, 61, '2026-02-01');
    await publishedTalent(pool, round, 62, '2026-02-01', { field: 'social_welfare' });
    const all = await download(ids.xuanba!, '/api/talent/pool/export.xlsx');
    // Named in Chinese like the round's downloads, the English name as the ASCII fallback; `lang=en` the English alone.
    expect(all.disposition).toMatch(/filename="talent-pool-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(all.disposition!)![1]!)).toMatch(
      /^人才库-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    expect(all.rows[0]!.slice(0, 6)).toEqual([
      '姓名',
      '公民身份号码',
      '工作单位',
      '服务领域',
      '选拔批次',
      '称号状态',
    ]);
    expect(
      all.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['申报人61', '申报人62']);
    expect(all.rows.slice(1).every((r) => MASKED.test(r[1]!) && r[5] === '在期')).toBe(true);
    // The term's period to its last day: a four-year term from 2026-02-01 ends on 2030-01-31.
    expect(all.rows[0]!.slice(6, 8)).toEqual(['管理期起', '管理期止']);
    expect(all.rows.slice(1).map((r) => r.slice(6, 8))).toEqual([
      ['2026-02-01', '2030-01-31'],
      ['2026-02-01', '2030-01-31'],
    ]);
    const welfare = await download(ids.xuanba!, '/api/talent/pool/export.xlsx?field=social_welfare');
    expect(welfare.rows.slice(1).map((r) => r[0])).toEqual(['申报人62']);
    const english = await download(ids.xuanba!, '/api/talent/pool/export.xlsx?lang=en');
    expect(english.disposition).toMatch(/^attachment; filename="?talent-pool-\d{4}-\d{2}-\d{2}\.xlsx"?$/);
    // The pool is the office's: the leading group is refused.
    expect((await download(ids.lingdao!, '/api/talent/pool/export.xlsx')).status).toBe(403);
    expect(await exportsOf('talent.pool_exported')).toEqual([
      { actorId: ids.xuanba, after: { filters: {}, rowCount: 2 } },
      { actorId: ids.xuanba, after: { filters: { field: 'social_welfare' }, rowCount: 1 } },
      { actorId: ids.xuanba, after: { filters: { lang: 'en' }, rowCount: 2 } },
    ]);
  });
});
