// The applications' xlsx sheet: its columns (Chinese headers, Chinese labels for the vocabulary),
// the template the office fills in, reading a filled-in sheet back into entries, and the export.
import ExcelJS from 'exceljs';
import {
  ELDERLY_CARE_WORKER_LEVELS,
  GRASSROOTS_UNIT_TYPES,
  OTHER_UNIT_TYPES,
  SOCIAL_WORK_FIELDS,
  SOCIAL_WORKER_LEVELS,
  wholeMonthsBetween,
} from '../../workflows/talent';
import type { TCertificate } from './talent.types';

type Labelled = readonly { readonly key: string; readonly zh: string }[];

const YES = '是';
const NO = '否';
const GENDERS = [
  { key: 'male', zh: '男' },
  { key: 'female', zh: '女' },
] as const;
const UNIT_TYPES = [...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES];

const EXAMPLE_SINCE = '2015-07-01';

/** A column of the sheet: its header, the entry key it fills, and the Chinese labels it accepts, if any. */
interface Column {
  header: string;
  key: string;
  width: number;
  /** Kept as typed text (identity numbers would lose digits as numbers). */
  text?: true;
  labels?: Labelled;
  example: string;
}

export const APPLICATION_COLUMNS = [
  { header: '姓名', key: 'name', width: 10, example: '王晓梅' },
  { header: '性别', key: 'gender', width: 6, labels: GENDERS, example: '女' },
  { header: '出生日期', key: 'birthDate', width: 12, text: true, example: '1985-03-12' },
  { header: '公民身份号码', key: 'identityNumber', width: 22, text: true, example: '370102198503121241' },
  { header: '联系电话', key: 'phone', width: 14, text: true, example: '13905310000' },
  { header: '工作单位', key: 'employerName', width: 28, example: '历城区洪家楼街道社会工作服务站' },
  { header: '统一社会信用代码', key: 'employerId', width: 22, text: true, example: '' },
  { header: '单位类型', key: 'unitType', width: 16, labels: UNIT_TYPES, example: '城市社区' },
  { header: '服务领域', key: 'field', width: 12, labels: SOCIAL_WORK_FIELDS, example: '社区建设' },
  { header: '从事养老服务', key: 'elderlyServices', width: 12, example: NO },
  { header: '从事社会工作起始日期', key: 'socialWorkSince', width: 20, text: true, example: EXAMPLE_SINCE },
  // The example's years are counted to each round's reference date (applicationTemplate).
  { header: '从事社会工作年限', key: 'socialWorkYears', width: 16, example: '' },
  {
    header: '社会工作者职业资格',
    key: 'social_worker',
    width: 18,
    labels: SOCIAL_WORKER_LEVELS,
    example: '社会工作师',
  },
  {
    header: '养老护理员等级',
    key: 'elderly_care_worker',
    width: 16,
    labels: ELDERLY_CARE_WORKER_LEVELS,
    example: '',
  },
  { header: '养老管理培训考核合格', key: 'elderly_care_management_training', width: 20, example: NO },
] as const satisfies readonly Column[];

type ColumnKey = (typeof APPLICATION_COLUMNS)[number]['key'];

/** The column header an entry path points into (`['certificates', 0, 'level']` → that certificate's column). */
export function headerOf(key: string): string {
  return APPLICATION_COLUMNS.find((c) => c.key === key)?.header ?? key;
}

/**
 * A blank cell of a column read from its labels: the entry's own check would name the stored codes
 * (urban_community, male…), which the office never sees in the template, so name the labels instead.
 */
export function blankLabelledReason(key: string): { reason: string; reasonZh: string } | undefined {
  const column = (APPLICATION_COLUMNS as readonly Column[]).find((c) => c.key === key);
  if (!column || !('labels' in column) || !column.labels) return undefined;
  return {
    reason: `required; accepted: ${acceptedLabels(column.labels, ', ')}`,
    reasonZh: `必填；可选：${acceptedLabels(column.labels, '、')}`,
  };
}

/** A labelled column's accepted values as the office reads them (Chinese labels, with the language's separator). */
function acceptedLabels(labels: Labelled, separator: string): string {
  return labels.map((l) => l.zh).join(separator);
}

/** The template of a round: its example row's years agree with the round's reference date, so it imports as it stands. */
export async function applicationTemplate(referenceDate: string): Promise<Buffer> {
  const exampleYears = String(Math.floor(wholeMonthsBetween(EXAMPLE_SINCE, referenceDate) / 12));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong Flow';
  const sheet = workbook.addWorksheet('申报人员');
  sheet.columns = APPLICATION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    ...Object.fromEntries(APPLICATION_COLUMNS.map((c) => [c.key, c.example])),
    socialWorkYears: exampleYears,
  });
  APPLICATION_COLUMNS.forEach((column, i) => {
    const letter = sheet.getColumn(i + 1).letter;
    if ('text' in column) sheet.getColumn(i + 1).numFmt = '@';
    const choices =
      'labels' in column
        ? column.labels.map((l) => l.zh)
        : ['elderlyServices', 'elderly_care_management_training'].includes(column.key)
          ? [YES, NO]
          : undefined;
    // A drop-down per labelled column, for the first thousand rows (Excel's list is text, quoted).
    if (choices)
      for (let row = 2; row <= 1001; row++)
        sheet.getCell(`${letter}${row}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${choices.join(',')}"`],
        };
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 24 }, { width: 80 }];
  help.addRows([
    ['列', '说明'],
    ['日期', '填写为 YYYY-MM-DD，如 2015-07-01'],
    ['公民身份号码', '18 位，末位可为 X；出生日期、性别须与号码一致'],
    ['从事社会工作年限', '整数或一位小数，须与起始日期相符（相差不超过 1 年）'],
    ['服务领域', acceptedLabels(SOCIAL_WORK_FIELDS, '、')],
    ['单位类型', acceptedLabels(UNIT_TYPES, '、')],
    ['示例行', '第 2 行是示例，导入前请删除或改为真实申报'],
    ['导入规则', '整份文件逐行校验：任何一行有误则不导入任何数据，并列出全部问题'],
  ]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as the text a person typed: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** A finding while reading a cell, before the entry's own checks. */
export interface CellIssue {
  column: string;
  key: string;
  reason: string;
  reasonZh: string;
}

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  /** The entry as far as the cells could be read; `ZApplicationEntry` checks it. */
  raw: Record<string, unknown>;
  issues: CellIssue[];
  /** The column of each certificate in `raw.certificates`, by position. */
  certificateColumns: string[];
}

function fromLabel(
  column: Column & { labels: Labelled },
  text: string,
  issues: CellIssue[],
): string | undefined {
  const found = column.labels.find((l) => l.zh === text || l.key === text);
  // The accepted values are named, so the office corrects the cell without opening the template again.
  if (!found)
    issues.push({
      column: column.header,
      key: column.key,
      reason: `unknown value “${text}”; accepted: ${acceptedLabels(column.labels, ', ')}`,
      reasonZh: `“${text}”不是可选的${column.header}；可选：${acceptedLabels(column.labels, '、')}`,
    });
  return found?.key;
}

function yesNo(column: Column, text: string, issues: CellIssue[]): boolean | undefined {
  if (text === '' || text === NO) return false;
  if (text === YES) return true;
  issues.push({
    column: column.header,
    key: column.key,
    reason: 'write 是 or 否',
    reasonZh: '请填写“是”或“否”',
  });
  return undefined;
}

const certificateKeys: readonly ColumnKey[] = ['social_worker', 'elderly_care_worker'];

/** Reads one sheet row into an entry shape; blank cells stay absent so the entry's checks name them. */
function readRow(cells: Map<ColumnKey, string>, row: number): SheetRow {
  const issues: CellIssue[] = [];
  const raw: Record<string, unknown> = {};
  const certificates: TCertificate[] = [];
  const certificateColumns: string[] = [];
  for (const column of APPLICATION_COLUMNS as readonly Column[]) {
    const text = cells.get(column.key as ColumnKey) ?? '';
    const key = column.key as ColumnKey;
    if (certificateKeys.includes(key)) {
      if (text === '') continue;
      const level =
        'labels' in column && column.labels
          ? fromLabel({ ...column, labels: column.labels }, text, issues)
          : undefined;
      if (level) {
        certificates.push({ kind: key as TCertificate['kind'], level });
        certificateColumns.push(column.header);
      }
    } else if (key === 'elderly_care_management_training') {
      if (yesNo(column, text, issues)) {
        certificates.push({ kind: 'elderly_care_management_training' });
        certificateColumns.push(column.header);
      }
    } else if (key === 'elderlyServices') {
      const value = yesNo(column, text, issues);
      if (value !== undefined) raw.elderlyServices = value;
    } else if (text === '') {
      continue;
    } else if (key === 'socialWorkYears') {
      const years = Number(text);
      if (Number.isFinite(years)) raw.socialWorkYears = years;
      else issues.push({ column: column.header, key, reason: 'not a number', reasonZh: '须为数字' });
    } else if ('labels' in column && column.labels) {
      const value = fromLabel({ ...column, labels: column.labels }, text, issues);
      if (value) raw[key] = value;
    } else {
      raw[key] = text;
    }
  }
  raw.certificates = certificates;
  return { row, raw, issues, certificateColumns };
}

export type SheetProblem = { reason: string; reasonZh: string };

/** The filled-in rows of the first sheet, or the reason the file cannot be read as the template. */
export async function readApplicationSheet(
  bytes: Buffer,
  maxRows: number,
): Promise<SheetRow[] | SheetProblem> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { reason: 'not an xlsx workbook', reasonZh: '不是 xlsx 格式的 Excel 文件' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { reason: 'the workbook has no sheet', reasonZh: '文件中没有工作表' };
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(cellText(cell.value), col));
  const missing = APPLICATION_COLUMNS.filter((c) => !headers.has(c.header)).map((c) => c.header);
  if (missing.length > 0)
    return {
      reason: `columns missing from row 1: ${missing.join(', ')}; use the template`,
      reasonZh: `第 1 行缺少列：${missing.join('、')}；请使用导入模板`,
    };
  const rows: SheetRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const excelRow = sheet.getRow(n);
    const cells = new Map<ColumnKey, string>(
      APPLICATION_COLUMNS.map((c) => [c.key, cellText(excelRow.getCell(headers.get(c.header)!).value)]),
    );
    if ([...cells.values()].every((text) => text === '')) continue;
    rows.push(readRow(cells, n));
    if (rows.length > maxRows)
      return {
        reason: `more than ${maxRows} applications in one file; split it`,
        reasonZh: `单个文件最多 ${maxRows} 条申报，请拆分后导入`,
      };
  }
  if (rows.length === 0)
    return { reason: 'no application rows below the headers', reasonZh: '表头下没有申报数据' };
  return rows;
}

/** A label of a key in a vocabulary list, for the export. */
export const zhOf = (list: Labelled, key: string | null | undefined): string =>
  list.find((item) => item.key === key)?.zh ?? key ?? '';

export { GENDERS, UNIT_TYPES, YES, NO };
