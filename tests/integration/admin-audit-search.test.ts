// The audit search finds what API tokens did, takes actions and resource types from the catalogue
// (anything else is a 400 naming the field), and the xlsx export reads like the page: unit names,
// Beijing time, Chinese action labels.
import ExcelJS from 'exceljs';
import type { Db } from '../../api/db/prisma-client';
import type { TestServer } from '../support/test-server';
import {
  bearer,
  type Call,
  demoPassword,
  startAdminApi,
  stopAdminApi,
  unitIdByCode,
} from './support/api-callers';

jest.setTimeout(120_000);

describe('audit search and export', () => {
  let server: TestServer;
  let prisma: Db;
  let admin: Call;
  let hjlId: string;
  let tokenId: string;
  let unitId: string;
  const password = (u: string) => demoPassword(server, u);

  beforeAll(async () => {
    ({ server, prisma, admin } = await startAdminApi());
    hjlId = await unitIdByCode(prisma, 'LC-HJL');
    const token = await admin('POST', '/api/tokens', {
      name: '民政数据对接',
      assignments: [{ role: 'admin', unitId: hjlId }],
    });
    tokenId = token.json!.item.id as string;
    const unit = await bearer(server.url, token.json!.token as string)('POST', '/api/units', {
      code: 'AUDIT-TOKEN',
      name: '令牌建的室',
      kind: 'room',
      parentId: hjlId,
    });
    unitId = unit.json!.id as string;
  });
  afterAll(() => stopAdminApi({ server, prisma, admin }));

  it('finds the calls of an API token, which the token list finds by name', async () => {
    const found = await admin('GET', '/api/tokens?q=民政');
    expect((found.json!.items as { id: string }[]).map((t) => t.id)).toEqual([tokenId]);
    const rows = await admin('GET', `/api/audit?tokenId=${tokenId}`);
    expect(rows.json!.items).toEqual([
      expect.objectContaining({
        action: 'unit.created',
        tokenId,
        resourceId: unitId,
        unitName: '令牌建的室',
      }),
    ]);
  });

  it('takes actions and resource types from the catalogue', async () => {
    expect(
      (await admin('GET', '/api/audit?action=token.created&resourceType=token')).json!.items,
    ).toHaveLength(1);
    const unknown = await admin('GET', '/api/audit?action=drop.tables&resourceType=planet');
    expect(unknown.status).toBe(400);
    expect((unknown.json!.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'query.action',
      'query.resourceType',
    ]);
  });

  it('exports unit names, Beijing times and Chinese action labels', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'shegong-flow' },
      body: JSON.stringify({ username: 'admin', password: password('admin') }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const exported = await fetch(`${server.url}/api/audit/export.xlsx?tokenId=${tokenId}`, {
      headers: { cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = (name: RegExp) => sheet.getRow(2).getCell(header.findIndex((h) => name.test(h))).value;
    const stored = await prisma.auditLog.findFirstOrThrow({ where: { tokenId } });
    const beijing = new Date(stored.at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(cell(/北京时间/)).toBe(beijing);
    expect(cell(/^单位 Unit$/)).toBe('令牌建的室');
    expect(cell(/^操作 Action$/)).toBe('新建单位');
    expect(cell(/^对象类型/)).toBe('单位');
  });
});
