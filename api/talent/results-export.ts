// The round's ranking (排名结果; once published, the published list) and the talent pool (人才库) as
// xlsx workbooks, with the columns and masking of the talent exports (talent-xlsx-export.ts).
import { addDays, SOCIAL_WORK_FIELDS } from '../../workflows/talent';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { zhOf } from './application-workbook';
import { poolFilter, type PoolFilters } from './pool-reads';
import { isoDate } from './round-view';
import { officeUnitIds } from './talent-scope';
import { EXPORT_ROW_LIMIT, identityNumberAs, xlsxOf, type IdentityNumbers } from './talent-xlsx-export';

const CATEGORY_ZH = { elderly: '养老服务领域', general: '普通类别' } as const;
const SEAT_ZH = { reserved: '预留名额', general: '普通名额', not_selected: '未入选' } as const;
const TITLE_ZH = { active: '在期', benefits_stopped: '停止待遇', revoked: '已撤销', ended: '期满' } as const;

const person = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '公民身份号码', key: 'identityNumber', width: 22 },
  { header: '工作单位', key: 'employerName', width: 30 },
  { header: '服务领域', key: 'field', width: 16 },
] as const;

/** Every ranked application of the round in merit order, the unranked and the removed last. */
export async function exportRanking(
  db: DbClient,
  roundId: string,
  identityNumbers: IdentityNumbers,
): Promise<{ content: Buffer; rowCount: number }> {
  const rows = await db.talentRankingResult.findMany({
    where: { roundId },
    orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { applicationId: 'asc' }],
    take: EXPORT_ROW_LIMIT,
    include: { application: { include: { candidate: true, dossier: true } } },
  });
  const content = await xlsxOf(
    '排名结果',
    [
      { header: '排名', key: 'rank', width: 8 },
      ...person,
      { header: '名额类别', key: 'category', width: 14 },
      { header: '名额', key: 'seatType', width: 12 },
      { header: '最终得分', key: 'finalScore', width: 10 },
      { header: '公示结果', key: 'removed', width: 12 },
    ],
    rows.map((row) => ({
      rank: row.rank,
      name: row.application.candidate.name,
      identityNumber: identityNumberAs(row.application.candidate.identityNumber, identityNumbers),
      employerName: row.application.dossier.employerName,
      field: zhOf(SOCIAL_WORK_FIELDS, row.application.dossier.field),
      category: CATEGORY_ZH[row.category],
      seatType: SEAT_ZH[row.seatType],
      finalScore: row.finalScore?.toNumber() ?? null,
      removed: row.application.status === 'removed' ? '异议成立，已取消' : '',
    })),
  );
  return { content, rowCount: rows.length };
}

/** The pool's talents the office reaches under the list's filters, newest published first; masked. */
export async function exportPool(
  db: DbClient,
  caller: Caller,
  filters: PoolFilters,
): Promise<{ content: Buffer; rowCount: number }> {
  const rows = await db.talent.findMany({
    where: poolFilter(await officeUnitIds(db, caller), filters),
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: EXPORT_ROW_LIMIT,
    include: { candidate: true, round: true, application: { include: { dossier: true } }, term: true },
  });
  const content = await xlsxOf(
    '人才库',
    [
      ...person,
      { header: '选拔批次', key: 'round', width: 30 },
      { header: '称号状态', key: 'titleStatus', width: 10 },
      { header: '管理期起', key: 'termStartsOn', width: 12 },
      { header: '管理期止', key: 'termLastDay', width: 12 },
      { header: '停止待遇日期', key: 'benefitsStoppedOn', width: 14 },
      { header: '撤销日期', key: 'revokedOn', width: 12 },
    ],
    rows.map((row) => ({
      name: row.candidate.name,
      identityNumber: identityNumberAs(row.candidate.identityNumber, 'masked'),
      employerName: row.application.dossier.employerName,
      field: zhOf(SOCIAL_WORK_FIELDS, row.application.dossier.field),
      round: row.round.title,
      titleStatus: TITLE_ZH[row.titleStatus],
      termStartsOn: row.term ? isoDate(row.term.startsOn) : null,
      // The row keeps the day after the term; people read a period to its last day.
      termLastDay: row.term ? addDays(isoDate(row.term.endsOn), -1) : null,
      benefitsStoppedOn: row.term?.benefitsStoppedOn ? isoDate(row.term.benefitsStoppedOn) : null,
      revokedOn: row.term?.revokedOn ? isoDate(row.term.revokedOn) : null,
    })),
  );
  return { content, rowCount: rows.length };
}
