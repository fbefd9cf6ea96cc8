// The project list as an Excel workbook: the same filters, scope and order as the list, Chinese
// column headers, at most EXPORT_ROW_LIMIT rows (the caller narrows the filters for more).
import ExcelJS from 'exceljs';
import { beijingTime } from '../admin/audit.service';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { readProjectRows, summaryOf } from '../work/project-reads';
import type { TProjectFilters } from '../work/work.types';

export const EXPORT_ROW_LIMIT = 10_000;

const STATUS_ZH = { running: '进行中', completed: '已结束', cancelled: '已终止' } as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function exportProjects(
  db: DbClient,
  caller: Caller,
  query: TProjectFilters & { sort: 'startedAt' | '-startedAt' | 'title' },
): Promise<{ content: Buffer; rowCount: number }> {
  const rows = await readProjectRows(db, caller, query, EXPORT_ROW_LIMIT);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shegong Flow';
  const sheet = workbook.addWorksheet('项目列表');
  sheet.columns = [
    { header: '项目编号', key: 'id', width: 38 },
    { header: '项目标题', key: 'title', width: 30 },
    { header: '流程', key: 'definitionName', width: 20 },
    { header: '版本', key: 'version', width: 6 },
    { header: '单位', key: 'unit', width: 26 },
    { header: '状态', key: 'status', width: 8 },
    { header: '当前阶段', key: 'stages', width: 16 },
    { header: '当前环节', key: 'nodes', width: 24 },
    { header: '服务领域', key: 'serviceDomain', width: 14 },
    { header: '资金来源', key: 'fundingSource', width: 14 },
    { header: '逾期', key: 'overdue', width: 6 },
    { header: '发起人', key: 'startedBy', width: 12 },
    { header: '发起时间（北京时间）', key: 'startedAt', width: 20 },
    { header: '结束时间（北京时间）', key: 'endedAt', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const project = await summaryOf(db, row);
    sheet.addRow({
      id: project.id,
      title: project.title,
      definitionName: project.definitionName,
      version: project.version,
      unit: project.unit.name,
      status: STATUS_ZH[project.status],
      stages: project.currentStages.join('、'),
      nodes: project.currentNodes.map((node) => node.name).join('、'),
      serviceDomain: text(row.state.variables.serviceDomain),
      fundingSource: text(row.state.variables.fundingSource),
      overdue: project.overdue ? '是' : '否',
      startedBy: project.startedBy?.displayName ?? '',
      startedAt: beijingTime(row.started_at),
      endedAt: row.ended_at ? beijingTime(row.ended_at) : '',
    });
  }
  return { content: Buffer.from(await workbook.xlsx.writeBuffer()), rowCount: rows.length };
}
