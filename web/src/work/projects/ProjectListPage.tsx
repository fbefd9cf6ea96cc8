// The projects the caller may see, filtered by unit, process, status, title and overdue; the filters
// live in the address so a filtered list can be bookmarked or sent (a saved view).
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
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
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { UnitTreeSelect } from '../../admin/components/UnitTreeSelect';
import { CursorPager } from '../../ui/CursorPager';
import { formatDateTime } from '../../ui/format-time';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { useCatalogue, useProjectPage } from '../work-hooks';
import type { ProjectFilters, ProjectSummary } from '../work-types';
import { PROJECT_SORTS, PROJECT_STATUSES, filtersFromSearch, searchFromFilters } from './project-filters';
import { ProjectStatusTag } from './ProjectStatusTag';

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
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(event) => update({ overdue: event.target.checked ? 'true' : undefined })}
        >
          {t('projects.onlyOverdue')}
        </Checkbox>
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
