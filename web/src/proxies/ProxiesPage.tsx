// 我的代理: set a proxy for a period away (a supervisor or admin also for the people of their
// units), see one's own periods (away, or standing in for someone) and cancel one that has not ended;
// overseers also see the periods of the people under them. Rules: docs/proxies.md.
import { UserSwitchOutlined, WarningOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiProblem, isApiProblem } from '../api/client';
import { useSession } from '../auth/session';
import { formatDateTime } from '../ui/format-time';
import { useFormProblem } from '../ui/use-form-problem';
import {
  type ProxyPeriod,
  type ProxyScope,
  useCancelProxy,
  useProxies,
  useProxyCandidates,
  useSetProxy,
} from './proxy-hooks';

interface ProxyForm {
  principalUserId?: string;
  proxyUserId: string;
  period: [Dayjs, Dayjs];
  reason: string;
}

const SERVER_FIELDS = ['principalUserId', 'proxyUserId', 'period', 'reason'] as const;
const STATUS_COLORS: Record<ProxyPeriod['status'], string> = {
  upcoming: 'processing',
  active: 'success',
  ended: 'default',
  cancelled: 'default',
};

/** The server names the period's ends; the form holds them in one range field. */
function onPeriodField(error: unknown): unknown {
  if (!isApiProblem(error) || !error.errors) return error;
  return new ApiProblem({
    ...error,
    errors: error.errors.map((e) =>
      e.field === 'startsAt' || e.field === 'endsAt' ? { ...e, field: 'period' } : e,
    ),
  });
}

/** The tasks a period could not move (the engine refused the proxy), still with the person away. */
function RefusedWarning({ period }: { period: ProxyPeriod }) {
  const { t, i18n } = useTranslation();
  if (period.refusedTasks.length === 0) return null;
  const zh = i18n.language.startsWith('zh');
  const list = (
    <div>
      <div>{t('proxyGaps.refusedHint')}</div>
      {period.refusedTasks.map((task) => (
        <div key={`${task.instanceId}/${task.taskName}`}>
          {t('proxyGaps.refusedItem', {
            task: task.taskName,
            project: task.projectTitle,
            reason: zh ? task.reason.zh : task.reason.en,
          })}
        </div>
      ))}
    </div>
  );
  return (
    <Tooltip title={list}>
      <Tag color="warning" icon={<WarningOutlined />} tabIndex={0}>
        {t('proxyGaps.refused', { count: period.refusedTasks.length })}
      </Tag>
    </Tooltip>
  );
}

function ProxyTable({ scope }: { scope: ProxyScope }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const periods = useProxies(scope);
  const cancel = useCancelProxy();
  const columns: TableColumnsType<ProxyPeriod> = [
    { title: t('proxy.principal'), dataIndex: ['principal', 'displayName'] },
    { title: t('proxy.proxy'), dataIndex: ['proxy', 'displayName'] },
    { title: t('proxy.startsAt'), dataIndex: 'startsAt', render: (iso: string) => formatDateTime(iso) },
    { title: t('proxy.endsAt'), dataIndex: 'endsAt', render: (iso: string) => formatDateTime(iso) },
    { title: t('proxy.reason'), dataIndex: 'reason' },
    {
      title: t('proxy.status'),
      dataIndex: 'status',
      render: (status: ProxyPeriod['status'], period: ProxyPeriod) => (
        <>
          <Tag color={STATUS_COLORS[status]}>{t(`proxy.statuses.${status}`)}</Tag>
          <RefusedWarning period={period} />
        </>
      ),
    },
    {
      title: t('proxy.actions'),
      key: 'actions',
      render: (_: unknown, period: ProxyPeriod) =>
        period.canCancel ? (
          <Button
            size="small"
            danger
            onClick={() =>
              void modal.confirm({
                title: t('proxy.cancelTitle'),
                content: t('proxy.cancelConfirm', { proxy: period.proxy.displayName }),
                okText: t('proxy.cancel'),
                onOk: () =>
                  cancel.mutateAsync(period.id).then(() => void message.success(t('proxy.cancelled'))),
              })
            }
          >
            {t('proxy.cancel')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table<ProxyPeriod>
      rowKey="id"
      columns={columns}
      dataSource={periods.data ?? []}
      loading={periods.isFetching}
      pagination={false}
      size="small"
      scroll={{ x: 900 }}
      locale={{ emptyText: <Typography.Text>{t('proxy.none')}</Typography.Text> }}
    />
  );
}

export default function ProxiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const candidates = useProxyCandidates();
  const setProxy = useSetProxy();
  const [form] = Form.useForm<ProxyForm>();
  const problem = useFormProblem(form, SERVER_FIELDS);
  if (!user) return null;
  const overseer = user.roles.some((r) => r.role === 'supervisor' || r.role === 'admin');
  const option = (p: { id: string; displayName: string; unitName: string }) => ({
    value: p.id,
    label: `${p.displayName}（${p.unitName}）`,
  });
  const people = (candidates.data ?? []).map(option);
  // Only the people one oversees may be named as away (the server refuses the others).
  const overseenPeople = (candidates.data ?? []).filter((p) => p.overseen).map(option);

  const submit = ({ principalUserId, proxyUserId, period, reason }: ProxyForm) => {
    problem.clear();
    setProxy.mutate(
      {
        ...(principalUserId ? { principalUserId } : {}),
        proxyUserId,
        startsAt: period[0].toISOString(),
        endsAt: period[1].toISOString(),
        reason,
      },
      {
        onSuccess: () => {
          void message.success(t('proxy.set'));
          form.resetFields();
        },
        onError: (error) => problem.show(onPeriodField(error)),
      },
    );
  };

  return (
    <Card title={<h1 className="sgf-card-title">{t('proxy.title')}</h1>}>
      <p>{t('proxy.intro')}</p>
      {problem.alert}
      <Form<ProxyForm> name="setProxy" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        {overseer && (
          <Form.Item name="principalUserId" label={t('proxy.principal')} extra={t('proxy.principalHint')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={overseenPeople}
              placeholder={user.displayName}
            />
          </Form.Item>
        )}
        <Form.Item
          name="proxyUserId"
          label={t('proxy.proxy')}
          rules={[{ required: true, message: t('proxy.proxyRequired') }]}
        >
          <Select showSearch optionFilterProp="label" options={people} loading={candidates.isFetching} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('proxy.period')}
          rules={[{ required: true, message: t('proxy.periodRequired') }]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('proxy.reason')}
          rules={[{ required: true, whitespace: true, message: t('proxy.reasonRequired') }, { max: 200 }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<UserSwitchOutlined />} loading={setProxy.isPending}>
          {t('proxy.submit')}
        </Button>
      </Form>
      <Tabs
        items={[
          { key: 'mine', label: t('proxy.mine'), children: <ProxyTable scope="mine" /> },
          ...(overseer
            ? [{ key: 'units', label: t('proxy.units'), children: <ProxyTable scope="units" /> }]
            : []),
        ]}
      />
    </Card>
  );
}
