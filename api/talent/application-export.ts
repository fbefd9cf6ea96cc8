// A round's applications as an xlsx sheet: the import template's columns (so a corrected export
// can be imported into another round), then status, source, screening and entry time. Identity
// numbers are masked unless the office asks for them in full; the route audits either way.
import { ELDERLY_CARE_WORKER_LEVELS, SOCIAL_WORK_FIELDS, SOCIAL_WORKER_LEVELS } from '../../workflows/talent';
import { beijingTime } from '../admin/audit.service';
import type { DbClient } from '../db/prisma-client';
import { applicationRowsForExport, type ApplicationFilters } from './application-reads';
import { APPLICATION_COLUMNS, GENDERS, NO, UNIT_TYPES, YES, zhOf } from './application-workbook';
import { maskPhone } from './identity-number';
import { isoDate } from './round-view';
import { EXPORT_ROW_LIMIT, identityNumberAs, xlsxOf, type IdentityNumbers } from './talent-xlsx-export';

export const APPLICATION_STATUS_ZH = {
  submitted: '已申报',
  eligible: '资格审查通过',
  ineligible: '资格审查未通过',
  withdrawn: '已撤回',
  selected: '入选',
  not_selected: '未入选',
  removed: '公示后取消',
} as const;

export async function exportApplications(
  db: DbClient,
  roundId: string,
  filters: ApplicationFilters & { identityNumbers: IdentityNumbers },
): Promise<{ content: Buffer; rowCount: number }> {
  const rows = await applicationRowsForExport(db, roundId, filters, EXPORT_ROW_LIMIT);
  const full = filters.identityNumbers === 'full';
  const content = await xlsxOf(
    '申报人员',
    [
      ...APPLICATION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
      { header: '申报状态', key: 'status', width: 14 },
      { header: '申报方式', key: 'source', width: 10 },
      { header: '录入时间（北京时间）', key: 'createdAt', width: 20 },
    ],
    rows.map((row) => {
      const levelOf = (kind: string) => row.dossier.certificates.find((c) => c.kind === kind)?.level;
      return {
        name: row.candidate.name,
        gender: zhOf(GENDERS, row.candidate.gender),
        // Masked, the birth date keeps only its year and the phone its ends: in full they would give
        // back the identity number's hidden digits and reach the person (found by the fresh-eyes review).
        birthDate: full ? isoDate(row.candidate.birthDate) : isoDate(row.candidate.birthDate).slice(0, 4),
        identityNumber: identityNumberAs(row.candidate.identityNumber, filters.identityNumbers),
        phone: full ? row.candidate.phone : maskPhone(row.candidate.phone),
        employerName: row.dossier.employerName,
        employerId: row.dossier.employerId ?? '',
        unitType: zhOf(UNIT_TYPES, row.dossier.unitType),
        field: zhOf(SOCIAL_WORK_FIELDS, row.dossier.field),
        elderlyServices: row.dossier.elderlyServices ? YES : NO,
        socialWorkSince: isoDate(row.dossier.socialWorkSince),
        socialWorkYears: row.dossier.socialWorkYears.toNumber(),
        social_worker: zhOf(SOCIAL_WORKER_LEVELS, levelOf('social_worker')),
        elderly_care_worker: zhOf(ELDERLY_CARE_WORKER_LEVELS, levelOf('elderly_care_worker')),
        elderly_care_management_training: row.dossier.certificates.some(
          (c) => c.kind === 'elderly_care_management_training',
        )
          ? YES
          : NO,
        status: APPLICATION_STATUS_ZH[row.status],
        source: row.source === 'imported' ? '导入' : '录入',
        createdAt: beijingTime(row.createdAt),
      };
    }),
  );
  return { content, rowCount: rows.length };
}
