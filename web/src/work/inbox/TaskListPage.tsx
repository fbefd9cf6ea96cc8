// The inbox tabs (我的待办 / 待认领 / 已办, and 抄送我的 loaded on first choice) with counts, sort, cursor paging, claiming, and row
// selection of approval tasks for 批量同意. At phone width the four tabs stay in view (each count
// under its name, the sort on its own row) rather than hiding behind the tab bar's ⋯ menu.
import { Badge, Button, Card, Flex, Grid, Select, Table, Tabs, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { CursorPager } from '../../ui/CursorPager';
import { formatDateTime } from '../../ui/format-time';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { ProxiedBadge } from '../../proxies/ProxiedBadge';
import { DueBadge } from '../DueBadge';
import { useMyCopies } from '../carbon-copy-hooks';
import { useClaimTask, useTaskPage } from '../work-hooks';
import type { TaskSort, TaskSummary, TaskView } from '../work-types';
import { BulkApprove } from './BulkApprove';

const MyCopies = lazy(() => import('./MyCopies'));

const VIEWS = ['mine', 'candidates', 'done'] as const satisfies readonly TaskView[];
/** The task views and 抄送我的, which lists copies instead of tasks. */
const TABS = [...VIEWS, 'copies'] as const;
const SORTS = ['due', 'created', '-created'] as const satisfies readonly TaskSort[];

const pick = <T extends string>(allowed: readonly T[], value: string | null, fallback: T): T =>
  allowed.find((item) => item === value) ?? fallback;

export function TaskListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The tab and sort live in the address, so going back from a task returns to the same tab.
  const [search, setSearch] = useSearchParams();
  const tab = pick(TABS, search.get('view'), 'mine');
  const view: TaskView = tab === 'copies' ? 'mine' : tab;
  const sort = pick(SORTS, search.get('sort'), 'due');
  const pages = useCursorPages(`${view}/${sort}`);
  const tasks = useTaskPage(view, sort, pages.cursor);
  const claim = useClaimTask();
  const copies = useMyCopies();
  const counts = { ...tasks.data?.counts, copies: copies.data?.unread };
  // Only open approvals can be approved in bulk; the selection is of the rows on screen.
  const [selected, setSelected] = useState<string[]>([]);
  const selectable = tab !== 'done' && tab !== 'copies';
  const phone = Grid.useBreakpoint().sm === false;

  const columns: TableColumnsType<TaskSummary> = [
    {
      title: t('inbox.task'),
      key: 'name',
      render: (_value, task) => (
        <>
          <Link to={`/inbox/tasks/${task.id}`}>{task.name}</Link>{' '}
          <ProxiedBadge proxiedFor={task.proxiedFor} />
        </>
      ),
    },
    {
      title: t('inbox.project'),
      key: 'project',
      render: (_value, task) => <Link to={task.projectPath}>{task.projectTitle}</Link>,
    },
    { title: t('inbox.process'), dataIndex: 'definitionName', width: 200 },
    { title: t('inbox.unit'), key: 'unit', width: 200, render: (_value, task) => task.unit.name },
    view === 'done'
      ? {
          title: t('inbox.completedAt'),
          key: 'done',
          width: 170,
          render: (_v, task) => formatDateTime(task.completedAt),
        }
      : {
          title: t('inbox.due'),
          key: 'due',
          width: 200,
          render: (_value, task) => <DueBadge dueAt={task.dueAt} overdue={task.overdue} open />,
        },
    {
      title: t('inbox.createdAt'),
      key: 'created',
      width: 170,
      render: (_v, task) => formatDateTime(task.createdAt),
    },
  ];
  // At phone width one column carries the task, its project and its due date, so the rows and the
  // 认领 button fit on the screen instead of behind a sideways scroll.
  const phoneColumns: TableColumnsType<TaskSummary> = [
    {
      title: t('inbox.task'),
      key: 'name',
      render: (_value, task) => (
        <Flex vertical gap={2}>
          <span>
            <Link to={`/inbox/tasks/${task.id}`}>{task.name}</Link>{' '}
            <ProxiedBadge proxiedFor={task.proxiedFor} />
          </span>
          <Link to={task.projectPath} className="sgf-work-phone-project">
            {task.projectTitle}
          </Link>
          {view === 'done' ? (
            <span>{formatDateTime(task.completedAt)}</span>
          ) : (
            <DueBadge dueAt={task.dueAt} overdue={task.overdue} open />
          )}
        </Flex>
      ),
    },
  ];
  const shown = phone ? phoneColumns : columns;
  if (view === 'candidates') {
    shown.push({
      title: t('inbox.actions'),
      key: 'claim',
      width: phone ? 84 : 110,
      render: (_value, task) => (
        <Button
          size="small"
          loading={claim.isPending && claim.variables === task.id}
          aria-label={t('inbox.claimNamed', { name: task.name, project: task.projectTitle })}
          onClick={() => claim.mutate(task.id, { onSuccess: () => void navigate(`/inbox/tasks/${task.id}`) })}
        >
          {t('inbox.claim')}
        </Button>
      ),
    });
  }

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next);
    setSelected([]);
  };

  // 已办 is always newest first (by completion), so it offers no other order.
  const sortField = tab !== 'copies' && tab !== 'done' && (
    <label className="sgf-work-inline-field">
      <span>{t('inbox.sort')}</span>
      <Select<TaskSort>
        aria-label={t('inbox.sort')}
        value={sort}
        onChange={(value) => setParam('sort', value)}
        className="sgf-work-sort"
        options={SORTS.map((key) => ({ value: key, label: t(`inbox.sorts.${key}`) }))}
      />
    </label>
  );

  return (
    // The order picker sits in the card's header, not in the tab bar: a tab list may hold only tabs
    // (axe, aria-required-children).
    <Card title={<h1 className="sgf-card-title">{t('inbox.title')}</h1>} extra={!phone && sortField}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('view', key)}
        tabBarGutter={phone ? 16 : undefined}
        items={TABS.map((key) => ({
          key,
          label: (
            <Flex gap={phone ? 2 : 6} align="center" vertical={phone}>
              {key === 'copies' ? t('carbonCopy.mine') : t(`inbox.views.${key}`)}
              <Badge
                count={counts[key] ?? 0}
                showZero
                overflowCount={999}
                color={key === 'done' || !counts[key] ? 'gray' : undefined}
                aria-label={t('inbox.count', { count: counts[key] ?? 0 })}
              />
            </Flex>
          ),
        }))}
      />
      {phone && sortField && <div className="sgf-work-phone-sort">{sortField}</div>}
      {tab === 'copies' ? (
        <Suspense>
          <MyCopies />
        </Suspense>
      ) : (
        <>
          {selectable && (
            <BulkApprove
              tasks={(tasks.data?.items ?? []).filter((task) => selected.includes(task.id))}
              onDone={() => setSelected([])}
            />
          )}
          <Table<TaskSummary>
            rowKey="id"
            columns={shown}
            rowSelection={
              selectable
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (task) => ({
                      disabled: task.kind !== 'approval',
                      'aria-label': t('taskActions.bulk.select', {
                        name: task.name,
                        project: task.projectTitle,
                      }),
                    }),
                  }
                : undefined
            }
            dataSource={tasks.data?.items ?? []}
            loading={tasks.isFetching}
            pagination={false}
            size="middle"
            scroll={phone ? undefined : { x: 1100 }}
            // While the first answer is on its way the table shows only the spinner, not "no tasks".
            locale={{ emptyText: tasks.isPending ? ' ' : t(`inbox.empty.${view}`) }}
          />
          <CursorPager pages={pages} nextCursor={tasks.data?.nextCursor} />
        </>
      )}
    </Card>
  );
}
