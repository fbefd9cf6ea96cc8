// What every talent xlsx export shares: one sheet with bold Chinese headers, identity numbers
// masked unless the office asked for them in full, and an audit row naming the filters and the
// row count, written before the file is answered (a person's data never leaves unrecorded).
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import { XLSX_TYPE } from '../admin/audit.routes';
import { beijingTime } from '../admin/audit.service';
import { auditContextOf, writeAudit } from '../audit/write-audit';
import type { Db } from '../db/prisma-client';
import type { AuditEntry } from '../http/audit-entry';
import { safeFileName } from '../http/content-disposition';
import type { RouteResult } from '../http/route';
import type { Clock } from '../runtime/clock';
import { maskIdentityNumber } from './identity-number';

/** At most this many rows in one workbook. */
export const EXPORT_ROW_LIMIT = 10_000;

export interface ExportColumn<K extends string> {
  header: string;
  key: K;
  width: number;
}

export type IdentityNumbers = 'masked' | 'full';

export function identityNumberAs(number: string, identityNumbers: IdentityNumbers): string {
  return identityNumbers === 'full' ? number : maskIdentityNumber(number);
}

/** A workbook of one sheet: the columns' headers in bold, then one row per record. */
export async function xlsxOf<K extends string>(
  sheetName: string,
  columns: readonly ExportColumn<K>[],
  rows: readonly Partial<Record<K, string | number | null>>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong Flow';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A download's name: `<round>-<what>-<Beijing date>.xlsx` in Chinese (e.g. 海右人才2026-申报名单-2026-11-24.xlsx),
 * or `<what>-<Beijing date>.xlsx` for an export of no one round (人才库-2026-11-24.xlsx), the English
 * name as its ASCII fallback; asked for in English, or with no Chinese name, the English name alone.
 */
export interface XlsxName {
  name: string;
  /** What the file holds in Chinese, after the round's title when it is one round's. */
  zh?: { roundTitle?: string; what: string };
  /** `en`: the UI is in English, so the English name. */
  lang?: 'zh' | 'en' | undefined;
}

export function xlsxFileNames(file: XlsxName, stamp?: string): { filename: string; asciiFilename?: string } {
  const dated = (name: string) => `${name}${stamp ? `-${stamp}` : ''}.xlsx`;
  if (!file.zh || file.lang === 'en') return { filename: dated(file.name) };
  return {
    filename: dated(safeFileName([file.zh.roundTitle, file.zh.what].filter(Boolean).join('-'))),
    asciiFilename: dated(file.name),
  };
}

/** Records the export in the audit log, then answers the workbook named by xlsxFileNames, dated in Beijing time. */
export async function auditedXlsx(
  prisma: Db,
  http: { req: Request; res: Response; clock: Clock },
  entry: Pick<AuditEntry, 'action' | 'resourceType' | 'resourceId' | 'unitId'> & {
    filters: unknown;
    rowCount: number;
  },
  file: XlsxName & { content: Buffer },
): Promise<RouteResult> {
  const { filters, rowCount, ...audit } = entry;
  await writeAudit(prisma, { ...audit, after: { filters, rowCount } }, auditContextOf(http.req, http.res));
  const stamp = beijingTime(http.clock()).slice(0, 10);
  return {
    status: 200,
    file: { content: file.content, contentType: XLSX_TYPE, ...xlsxFileNames(file, stamp) },
  };
}
