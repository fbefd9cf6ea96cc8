// The projects the caller may see, filtered by unit, process, status, current stage, service
// domain, funding source, start dates, title and overdue; the filters live in the address so a
// filtered list can be bookmarked, saved as a named view, exported to Excel, or reached from a
// dashboard chart.
import { DownloadOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { UnitTreeSelect } from '../../admin/components/UnitTreeSelect';
import { CursorPager } from '../../ui/CursorPager';
import { formatDateTime } from '../../ui/format-time';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { useCatalogue, useProjectPage } from '../work-hooks';
import type { ProjectFilters, ProjectSummary } from '../work-types';
import {
  FUNDING_SOURCES,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  SERVICE_DOMAINS,
  filtersFromSearch,
  searchFromFilters,
} from './project-filters';
import { ProjectStatusTag } from './ProjectStatusTag';
import { SavedViews } from './SavedViews';

// Loaded after the list's first screen; until then an empty box holds its place.
const StartDateRange = lazy(() => import('./StartDateRange'));
const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export function ProjectListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const pages = useCursorPages(JSON.stringify(filters));
  const projects = useProjectPage(filters, pages.cursor);
  const catalogue = useCatalogue();
  const update = (changes: Partial<ProjectFilters>) =>
    setSearch(searchFromFilters({ ...filters, ...changes }));
  // A plain GET the browser downloads with the session cookie; the server audits the export.
  const exportUrl = `/api/projects/export.xlsx?${searchFromFilters(filters).toString()}`;
  // The stages of the chosen process, or of every process the caller may start (by stage id).
  const stageOptions = [
    ...new Map(
      (catalogue.data ?? [])
        .filter((entry) => !filters.definitionKey || entry.key === filters.definitionKey)
        .flatMap((entry) => entry.stages.map((stage) => [stage.id, stage.name] as const)),
    ),
  ].map(([value, label]) => ({ value, label }));
  // Filters a dashboard drills down with that have no control of their own: shown as closable tags.
  const drillTags = [
    filters.node && {
      key: 'node',
      text: t('projectList.node', { node: filters.node }),
      clear: { node: undefined },
    },
    filters.subunits === 'false' && {
      key: 'subunits',
      text: t('projectList.unitOnly'),
      clear: { subunits: undefined },
    },
    (filters.endedFrom || filters.endedTo) && {
      key: 'ended',
      text: t('projectList.ended', { from: filters.endedFrom ?? '…', to: filters.endedTo ?? '…' }),
      clear: { endedFrom: undefined, endedTo: undefined },
    },
  ].filter((tag) => !!tag);

  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: t('projects.projectTitle'),
      key: 'title',
      render: (_value, project) => <Link to={`/projects/${project.id}`}>{project.title}</Link>,
    },
    { title: t('projects.process'), dataIndex: 'definitionName', width: 200 },
    { title: t('projects.unit'), key: 'unit', width: 200, render: (_value, project) => project.unit.name },
    {
      title: t('projects.current'),
      key: 'current',
      width: 200,
      render: (_value, project) =>
        (project.currentStages.length > 0
          ? project.currentStages
          : project.currentNodes.map((node) => node.name)
        ).join('、') || '—',
    },
    {
      title: t('projects.status'),
      key: 'status',
      width: 150,
      render: (_value, project) => (
        <Flex gap={4} wrap>
          <ProjectStatusTag status={project.status} />
          {project.overdue && <Tag color="error">{t('projects.overdue')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('projects.startedAt'),
      key: 'started',
      width: 170,
      render: (_v, p) => formatDateTime(p.startedAt),
    },
    {
      title: t('projects.startedBy'),
      key: 'by',
      width: 120,
      render: (_v, p) => p.startedBy?.displayName ?? '—',
    },
  ];

  return (
    <Card
      title={<h1 className="sgf-card-title">{t('projects.title')}</h1>}
      extra={
        (catalogue.data?.length ?? 0) > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/projects/new')}>
            {t('projects.start')}
          </Button>
        )
      }
    >
      <Flex wrap gap="small" align="center" className="sgf-work-filters">
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          allowClear
          aria-label={t('projects.search')}
          placeholder={t('projects.search')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          className="sgf-work-filter-wide"
        />
        <UnitTreeSelect
          allowClear
          aria-label={t('projects.unit')}
          placeholder={t('projects.anyUnit')}
          value={filters.unitId}
          onChange={(unitId?: string) => update({ unitId })}
          className="sgf-work-filter-wide"
        />
        <Select
          allowClear
          aria-label={t('projects.process')}
          placeholder={t('projects.anyProcess')}
          value={filters.definitionKey}
          onChange={(definitionKey?: string) => update({ definitionKey })}
          options={(catalogue.data ?? []).map((entry) => ({ value: entry.key, label: entry.name }))}
          className="sgf-work-filter-wide"
        />
        <Select
          allowClear
          aria-label={t('projects.status')}
          placeholder={t('projects.anyStatus')}
          value={filters.status}
          onChange={(status?: ProjectFilters['status']) => update({ status })}
          options={PROJECT_STATUSES.map((status) => ({
            value: status,
            label: t(`projects.statuses.${status}`),
          }))}
          className="sgf-work-filter"
        />
        <Select
          aria-label={t('projects.sort')}
          value={filters.sort ?? '-startedAt'}
          onChange={(sort: ProjectFilters['sort']) => update({ sort })}
          options={PROJECT_SORTS.map((sort) => ({ value: sort, label: t(`projects.sorts.${sort}`) }))}
          className="sgf-work-filter"
        />
        <Select
          allowClear
          aria-label={t('projectList.stage')}
          placeholder={t('projectList.anyStage')}
          value={filters.stage}
          onChange={(stage?: string) => update({ stage })}
          options={stageOptions}
          className="sgf-work-filter"
        />
        <Select
          allowClear
          showSearch
          aria-label={t('projectList.serviceDomain')}
          placeholder={t('projectList.anyServiceDomain')}
          value={filters.serviceDomain}
          onChange={(serviceDomain?: string) => update({ serviceDomain })}
          options={options(SERVICE_DOMAINS)}
          className="sgf-work-filter"
        />
        <Select
          allowClear
          aria-label={t('projectList.fundingSource')}
          placeholder={t('projectList.anyFundingSource')}
          value={filters.fundingSource}
          onChange={(fundingSource?: string) => update({ fundingSource })}
          options={options(FUNDING_SOURCES)}
          className="sgf-work-filter"
        />
        <Suspense
          fallback={
            <Input
              disabled
              aria-label={t('projectList.startedBetween')}
              placeholder={t('projectList.startedBetween')}
              className="sgf-work-filter"
            />
          }
        >
          <StartDateRange
            from={filters.startedFrom}
            to={filters.startedTo}
            onChange={(startedFrom, startedTo) => update({ startedFrom, startedTo })}
          />
        </Suspense>
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(event) => update({ overdue: event.target.checked ? 'true' : undefined })}
        >
          {t('projects.onlyOverdue')}
        </Checkbox>
        {drillTags.map((tag) => (
          <Tag key={tag.key} closable onClose={() => update(tag.clear)} color="processing">
            {tag.text}
          </Tag>
        ))}
      </Flex>
      <Flex wrap gap="small" align="center" justify="space-between" className="sgf-work-filters">
        <SavedViews search={search.toString()} onOpen={(saved) => setSearch(new URLSearchParams(saved))} />
        <Flex gap="small" align="center">
          <Typography.Text
            copyable={{
              text: window.location.href,
              icon: <LinkOutlined />,
              tooltips: [t('projects.copyView'), t('ui.copied')],
            }}
            type="secondary"
          >
            {t('projects.savedView')}
          </Typography.Text>
          <Button icon={<DownloadOutlined />} href={exportUrl} download>
            {t('projectList.export')}
          </Button>
        </Flex>
      </Flex>
      <Table<ProjectSummary>
        rowKey="id"
        columns={columns}
        dataSource={projects.data?.items ?? []}
        loading={projects.isFetching}
        pagination={false}
        size="middle"
        scroll={{ x: 1150 }}
        locale={{ emptyText: projects.isPending ? ' ' : t('projects.empty') }}
      />
      <CursorPager pages={pages} nextCursor={projects.data?.nextCursor} />
    </Card>
  );
}
