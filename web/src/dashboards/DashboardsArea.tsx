// 数据看板: the figures of a unit subtree (the caller's whole scope until they pick a unit), for one
// process and a start-date range if chosen; the choices live in the address. Every chart drills
// down to the project list with the filters its bar was counted with. This module and ECharts load
// only when the area is opened (router.tsx), so the other pages' first load stays small.
import { FolderOpenOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Flex, Row, Select, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { UnitTreeSelect } from '../admin/components/UnitTreeSelect';
import { useCatalogue } from '../work/work-hooks';
import { projectListPath } from '../work/projects/project-filters';
import '../work/work.css';
import './dashboards.css';
import { chartOption } from './chart-option';
import { dashboardCharts, type ChartSpec } from './dashboard-charts';
import { useDashboard } from './dashboard-hooks';
import type { DashboardQuery } from './dashboard-types';
import { EChart } from './EChart';

const DAY_FORMAT = 'YYYY-MM-DD';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CHART_HEIGHT = 260;

function queryFromSearch(search: URLSearchParams): DashboardQuery {
  const text = (key: string) => search.get(key)?.trim() || undefined;
  const day = (key: string) => {
    const value = search.get(key);
    return value && DAY.test(value) ? value : undefined;
  };
  const query: DashboardQuery = {};
  const unitId = text('unitId');
  if (unitId) query.unitId = unitId;
  const definitionKey = text('definitionKey');
  if (definitionKey) query.definitionKey = definitionKey;
  const startedFrom = day('startedFrom');
  if (startedFrom) query.startedFrom = startedFrom;
  const startedTo = day('startedTo');
  if (startedTo) query.startedTo = startedTo;
  return query;
}

function ChartCard({ spec }: { spec: ChartSpec }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(() => chartOption(spec), [spec]);
  const drillable = spec.categories
    .map((name, index) => ({ name, index, filters: spec.drill(index), value: spec.series[0]?.values[index] }))
    .filter((category) => category.filters !== undefined);
  return (
    <Card title={<h2 className="sgf-dashboard-chart-title">{spec.title}</h2>} size="small">
      {spec.categories.length === 0 ? (
        // Plain text, not antd's Empty: its grey description falls short of WCAG contrast.
        <Typography.Paragraph className="sgf-dashboard-empty">{t('dashboards.noData')}</Typography.Paragraph>
      ) : (
        <>
          <EChart
            option={option}
            horizontal={spec.horizontal}
            height={
              spec.horizontal
                ? Math.max(120, Math.min(CHART_HEIGHT, 48 + spec.categories.length * 36))
                : CHART_HEIGHT
            }
            label={spec.title}
            onPick={(index) => {
              const filters = spec.drill(index);
              if (filters) void navigate(projectListPath(filters));
            }}
          />
          {/* The same drill-downs as links, for the keyboard and screen readers. */}
          <Flex
            wrap
            gap={4}
            className="sgf-dashboard-links"
            aria-label={t('dashboards.drillDown', { chart: spec.title })}
            role="list"
          >
            {drillable.map((category) => (
              <Tag key={category.index} role="listitem" icon={<FolderOpenOutlined />}>
                <Link to={projectListPath(category.filters!)}>
                  {category.name}
                  {category.value === undefined ? '' : ` · ${category.value}`}
                </Link>
              </Tag>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}

export default function DashboardsArea() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const query = queryFromSearch(search);
  const dashboard = useDashboard(query);
  const catalogue = useCatalogue();
  const update = (changes: Partial<DashboardQuery>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, ...changes }))
      if (typeof value === 'string' && value) next.set(key, value);
    setSearch(next);
  };
  // Built again only when the figures or the address change, so the charts are not redrawn per render.
  const address = search.toString();
  const charts = useMemo(
    () =>
      dashboard.data ? dashboardCharts(dashboard.data, queryFromSearch(new URLSearchParams(address)), t) : [],
    [dashboard.data, address, t],
  );
  const totals = dashboard.data?.totals;
  const base = { ...query };

  return (
    <div className="sgf-work sgf-dashboards">
      <Card
        title={<h1 className="sgf-card-title">{t('dashboards.title')}</h1>}
        extra={
          <Typography.Text>
            {dashboard.data?.unit ? dashboard.data.unit.name : t('dashboards.allMyUnits')}
          </Typography.Text>
        }
      >
        <Flex wrap gap="small" align="center" className="sgf-work-filters">
          <UnitTreeSelect
            allowClear
            aria-label={t('dashboards.unit')}
            placeholder={t('dashboards.allMyUnits')}
            value={query.unitId}
            onChange={(unitId?: string) => update({ unitId })}
            className="sgf-work-filter-wide"
          />
          <Select
            allowClear
            aria-label={t('dashboards.process')}
            placeholder={t('dashboards.anyProcess')}
            value={query.definitionKey}
            onChange={(definitionKey?: string) => update({ definitionKey })}
            options={(catalogue.data ?? []).map((entry) => ({ value: entry.key, label: entry.name }))}
            className="sgf-work-filter-wide"
          />
          <DatePicker.RangePicker
            aria-label={t('dashboards.startedBetween')}
            placeholder={[t('dashboards.startedFrom'), t('dashboards.startedTo')]}
            allowEmpty={[true, true]}
            value={[
              query.startedFrom ? dayjs(query.startedFrom) : null,
              query.startedTo ? dayjs(query.startedTo) : null,
            ]}
            onChange={(range) =>
              update({
                startedFrom: range?.[0]?.format(DAY_FORMAT),
                startedTo: range?.[1]?.format(DAY_FORMAT),
              })
            }
          />
        </Flex>
        <Row gutter={[16, 16]} className="sgf-dashboard-totals">
          {(
            [
              ['projects', totals?.projects, {}],
              ['running', totals?.running, { status: 'running' }],
              ['completed', totals?.completed, { status: 'completed' }],
              ['overdueTasks', totals?.overdueTasks, { overdue: 'true' }],
              ['escalations', totals?.escalations, undefined],
            ] as const
          ).map(([key, value, filters]) => (
            <Col key={key} xs={12} sm={8} lg={4}>
              <Statistic
                title={
                  filters ? (
                    <Link to={projectListPath({ ...base, ...filters })}>{t(`dashboards.totals.${key}`)}</Link>
                  ) : (
                    t(`dashboards.totals.${key}`)
                  )
                }
                value={value ?? '—'}
                loading={dashboard.isPending}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]} className="sgf-dashboard-charts">
        {charts.map((spec) => (
          <Col key={spec.key} xs={24} xl={12}>
            <ChartCard spec={spec} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
