// Importing a round's applications from the template's xlsx, all or nothing: every row is checked
// (cells, the entry's own rules, the round's, duplicates inside the file and with the round's
// existing applications) before anything is written; any finding refuses the whole file with a
// report of every finding by row and column. Otherwise all rows are written in one transaction.
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { UploadedFile } from '../http/route';
import { zhReasonOf } from '../../workflows/engine/zh-reasons';
import { blankLabelledReason, headerOf, readApplicationSheet, type SheetRow } from './application-workbook';
import {
  requireOpenWindow,
  roundIssuesOf,
  type RoundCheckedParts,
  writeApplications,
} from './application-writer';
import { ZApplicationEntry, type TApplicationEntry, type TImportRowError } from './talent.types';
import { roundInScope } from './talent-scope';

export const IMPORT_FILE_PART = 'file';
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Rows of one file: one transaction writes them all, within the route's time limit. */
export const MAX_IMPORT_ROWS = 500;

function fileProblem(reason: string, reasonZh: string): AppError {
  return new AppError('VALIDATION_FAILED', `The file cannot be imported: ${reason}.`, [
    { field: IMPORT_FILE_PART, reason, reasonZh },
  ]);
}

/** The column an entry path points at: a certificate's own column, else the key's. */
function columnOf(sheetRow: SheetRow, path: readonly PropertyKey[]): { column: string; field: string } {
  const [first, index] = path;
  if (first === 'certificates' && typeof index === 'number')
    return {
      column: sheetRow.certificateColumns[index] ?? headerOf('certificates'),
      field: `certificates.${index}`,
    };
  const key = String(first ?? '');
  return { column: headerOf(key), field: key };
}

/** What a row is checked against the round and the file with: the entry, or the parts of it that passed. */
interface CheckedRow {
  entry?: TApplicationEntry;
  identityNumber?: string;
  parts: RoundCheckedParts;
  errors: TImportRowError[];
}

/** A part of the raw row if it passes its own field's check, so a row's other findings are still made. */
function validPart<K extends 'identityNumber' | 'socialWorkSince' | 'socialWorkYears'>(
  raw: Record<string, unknown>,
  key: K,
): TApplicationEntry[K] | undefined {
  const parsed = ZApplicationEntry.shape[key].safeParse(raw[key]);
  return parsed.success ? (parsed.data as TApplicationEntry[K]) : undefined;
}

/** Checks one row on its own: its cells, then the entry's rules, every finding of the row. */
function checkRow(sheetRow: SheetRow): CheckedRow {
  const errors: TImportRowError[] = sheetRow.issues.map((issue) => ({
    row: sheetRow.row,
    column: issue.column,
    field: issue.key,
    reason: issue.reason,
    reasonZh: issue.reasonZh,
  }));
  const parsed = ZApplicationEntry.safeParse(sheetRow.raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { column, field } = columnOf(sheetRow, issue.path);
      // A cell already reported (an unknown label) is not reported again as missing.
      if (errors.some((e) => e.column === column && e.field === field)) continue;
      const blank = sheetRow.raw[field] === undefined ? blankLabelledReason(field) : undefined;
      errors.push({
        row: sheetRow.row,
        column,
        field,
        ...(blank ?? { reason: issue.message, reasonZh: zhReasonOf(issue) }),
      });
    }
    const reported = (key: string) => errors.some((e) => e.field === key);
    const partOf = <K extends 'identityNumber' | 'socialWorkSince' | 'socialWorkYears'>(key: K) =>
      reported(key) ? undefined : validPart(sheetRow.raw, key);
    return {
      identityNumber: partOf('identityNumber'),
      parts: { socialWorkSince: partOf('socialWorkSince'), socialWorkYears: partOf('socialWorkYears') },
      errors,
    };
  }
  const entry = parsed.data;
  return {
    ...(errors.length === 0 ? { entry } : {}),
    identityNumber: entry.identityNumber,
    parts: entry,
    errors,
  };
}

export async function importApplications(
  db: DbClient,
  caller: Caller,
  roundId: string,
  file: UploadedFile | undefined,
): Promise<{ result: { imported: number; applications: { row: number; id: string }[] }; audit: AuditEntry }> {
  const round = await roundInScope(db, caller, roundId, 'share');
  requireOpenWindow(round);
  if (!file) throw fileProblem('send the xlsx file in the part named file', '请在 file 字段中上传 xlsx 文件');
  const sheet = await readApplicationSheet(file.bytes, MAX_IMPORT_ROWS);
  if (!Array.isArray(sheet)) throw fileProblem(sheet.reason, sheet.reasonZh);

  const errors: TImportRowError[] = [];
  const accepted: { row: number; entry: TApplicationEntry }[] = [];
  const firstRowOf = new Map<string, number>();
  const identityColumn = headerOf('identityNumber');
  // Every row gets every finding: its cells and rules, the same person twice, the round's checks.
  for (const sheetRow of sheet) {
    const checked = checkRow(sheetRow);
    const { identityNumber } = checked;
    errors.push(...checked.errors);
    const earlier = identityNumber === undefined ? undefined : firstRowOf.get(identityNumber);
    if (earlier !== undefined)
      errors.push({
        row: sheetRow.row,
        column: identityColumn,
        field: 'identityNumber',
        reason: `the same person as row ${earlier}`,
        reasonZh: `与第 ${earlier} 行是同一人`,
      });
    else if (identityNumber !== undefined) firstRowOf.set(identityNumber, sheetRow.row);
    for (const issue of await roundIssuesOf(db, round, checked.parts)) {
      const { column, field } = columnOf(sheetRow, issue.path);
      errors.push({ row: sheetRow.row, column, field, reason: issue.reason, reasonZh: issue.reasonZh });
    }
    if (checked.entry && earlier === undefined) accepted.push({ row: sheetRow.row, entry: checked.entry });
  }
  const existing = await db.talentApplication.findMany({
    where: { roundId, candidate: { identityNumber: { in: [...firstRowOf.keys()] } } },
    select: { candidate: { select: { identityNumber: true } } },
  });
  for (const { candidate } of existing)
    errors.push({
      row: firstRowOf.get(candidate.identityNumber)!,
      column: identityColumn,
      field: 'identityNumber',
      reason: 'already applied in this round',
      reasonZh: '此人已在本批次申报',
    });

  if (errors.length > 0) {
    // Stable: a row's findings keep the order they were made in (cells, rules, the round's).
    errors.sort((a, b) => a.row - b.row);
    throw new AppError(
      'TALENT_IMPORT_REJECTED',
      `Nothing was imported: ${errors.length} finding(s) in ${new Set(errors.map((e) => e.row)).size} row(s).`,
      errors.map((e) => ({ field: `rows.${e.row}.${e.field}`, reason: e.reason, reasonZh: e.reasonZh })),
      {
        rowErrors: errors,
        detailZh: `未导入任何数据：${new Set(errors.map((e) => e.row)).size} 行共 ${errors.length} 处问题`,
      },
    );
  }
  const ids = await writeApplications(
    db,
    caller,
    round,
    accepted.map((a) => a.entry),
    'imported',
  );
  const applications = accepted.map(({ row }, i) => ({ row, id: ids[i]! }));
  return {
    result: { imported: applications.length, applications },
    audit: {
      action: 'talent_application.imported',
      resourceType: 'talent_round',
      resourceId: roundId,
      unitId: round.unitId,
      after: { file: file.originalName, imported: applications.length },
    },
  };
}
