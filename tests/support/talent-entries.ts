// Applications for the talent tests: valid identity numbers (GB 11643 check digit) made from a
// number, a complete, valid application entry around one, and the same as an xlsx row.
import ExcelJS from 'exceljs';
import { identityCheckCharacter } from '../../api/talent/identity-number';
import type { TApplicationEntryInput } from '../../api/talent/talent.types';

/** A valid identity number, different for every n below 366 000; odd n are men, even n women. */
export function identityNumberFor(n: number): string {
  const birth = new Date(Date.UTC(1980, 0, 1 + Math.floor(n / 1000)));
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const sequence = String(n % 1000).padStart(3, '0');
  const first17 = `370102${ymd}${sequence}`;
  return `${first17}${identityCheckCharacter(first17)}`;
}

/** A valid entry for a round whose reference date is 2026-12-31. */
export function applicationEntryFor(
  n: number,
  overrides: Partial<TApplicationEntryInput> = {},
): TApplicationEntryInput {
  const identityNumber = identityNumberFor(n);
  return {
    name: `申报人${n}`,
    gender: n % 2 === 1 ? 'male' : 'female',
    birthDate: `${identityNumber.slice(6, 10)}-${identityNumber.slice(10, 12)}-${identityNumber.slice(12, 14)}`,
    identityNumber,
    phone: '13905310000',
    employerName: '历城区洪家楼街道社会工作服务站',
    unitType: 'urban_community',
    field: 'community_building',
    socialWorkSince: '2015-07-01',
    socialWorkYears: 11,
    certificates: [{ kind: 'social_worker', level: 'intermediate' }],
    ...overrides,
  };
}

/** The import template's headers, in its order. */
export const HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '公民身份号码',
  '联系电话',
  '工作单位',
  '统一社会信用代码',
  '单位类型',
  '服务领域',
  '从事养老服务',
  '从事社会工作起始日期',
  '从事社会工作年限',
  '社会工作者职业资格',
  '养老护理员等级',
  '养老管理培训考核合格',
];

/** A sheet row as a person types it: Chinese labels, 是/否, text dates. */
export function rowFor(n: number, change: Partial<Record<(typeof HEADERS)[number], string | number>> = {}) {
  const entry = applicationEntryFor(n);
  const cells: Record<string, string | number> = {
    姓名: entry.name,
    性别: n % 2 === 1 ? '男' : '女',
    出生日期: entry.birthDate,
    公民身份号码: entry.identityNumber,
    联系电话: entry.phone,
    工作单位: entry.employerName,
    统一社会信用代码: '',
    单位类型: '城市社区',
    服务领域: '社区建设',
    从事养老服务: '否',
    从事社会工作起始日期: entry.socialWorkSince,
    从事社会工作年限: entry.socialWorkYears,
    社会工作者职业资格: '社会工作师',
    养老护理员等级: '',
    养老管理培训考核合格: '否',
    ...change,
  };
  return HEADERS.map((h) => cells[h] ?? '');
}

/** A workbook with the template's headers and the rows, as a person might make it in Excel. */
export async function workbookWith(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申报人员');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
