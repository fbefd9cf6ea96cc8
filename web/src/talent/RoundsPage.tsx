// The office's selection rounds, newest first, and a dialog creating one from the "海右" defaults.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { defaultRoundConfig } from '../../../workflows/talent/round-config';
import type { RoleAssignment } from '../api/types';
import { CursorPager } from '../ui/CursorPager';
import { FormModal } from '../ui/FormModal';
import { useCursorPages } from '../ui/use-cursor-pages';
import { useCreateRound, useRounds } from './talent-hooks';
import type { Round } from './talent-types';
import { choiceRequired } from '../ui/choice-required';

type RoundDefaults = ReturnType<typeof defaultRoundConfig>;
type Normalisation = RoundDefaults['review']['normalisation'];
type Shortfall = RoundDefaults['allocation']['elderlyShortfall'];

interface CreateRoundForm {
  unitId: string;
  title: string;
  window: [Dayjs, Dayjs];
  referenceDate: Dayjs;
  quota: number;
  minReviewers: number;
  blindPhase: boolean;
  normalisation: Normalisation;
  elderlyShortfall: Shortfall;
}

const SERVER_FIELDS = ['unitId', 'title', 'window', 'referenceDate', 'quota'] as const;
/** The "海右" defaults, from the same schema the server fills a round's options with. */
const DEFAULTS = defaultRoundConfig();
const NORMALISATIONS: readonly Normalisation[] = ['none', 'zscore'];
const SHORTFALLS: readonly Shortfall[] = ['leaveEmpty', 'releaseToGeneral'];
const day = (value: Dayjs) => value.format('YYYY-MM-DD');

/** The options of a section that differ from its defaults, or nothing when none does. */
function changed<T extends object>(values: T, defaults: T): Partial<T> | undefined {
  const entries = Object.entries(values).filter(([key, value]) => defaults[key as keyof T] !== value);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

/** Only the options the office changed from the defaults: the server fills in the rest. */
function configOverrides(values: CreateRoundForm) {
  const allocation = changed(
    { quota: values.quota, elderlyShortfall: values.elderlyShortfall },
    { quota: DEFAULTS.allocation.quota, elderlyShortfall: DEFAULTS.allocation.elderlyShortfall },
  );
  const review = changed(
    {
      minReviewersPerCandidate: values.minReviewers,
      blindPhase: values.blindPhase,
      normalisation: values.normalisation,
    },
    {
      minReviewersPerCandidate: DEFAULTS.review.minReviewersPerCandidate,
      blindPhase: DEFAULTS.review.blindPhase,
      normalisation: DEFAULTS.review.normalisation,
    },
  );
  return allocation || review ? { allocation, review } : undefined;
}

export function RoundStatusTag({ status }: { status: Round['status'] }) {
  const { t } = useTranslation();
  // The default tag's dark text: antd's coloured tags fail the contrast check (axe, in the journey).
  return <Tag>{t(`talent.status.${status}`)}</Tag>;
}

export function RoundsPage({ officeUnits }: { officeUnits: RoleAssignment[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pages = useCursorPages('rounds');
  const rounds = useRounds(pages.cursor);
  const create = useCreateRound();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={<h1 className="sgf-card-title">{t('talent.rounds')}</h1>}
      extra={
        <Flex gap="middle" align="center">
          <Link to="/talent/pool">{t('talentTerms.pool')}</Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('talent.createRound')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <Table<Round>
          rowKey="id"
          loading={rounds.isPending}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          columns={[
            {
              key: 'title',
              title: t('talent.roundTitle'),
              render: (_v, round) => <Link to={`/talent/${round.id}`}>{round.title}</Link>,
            },
            { key: 'unit', title: t('talent.unit'), render: (_v, round) => round.unit.name },
            {
              key: 'status',
              title: t('talent.statusLabel'),
              render: (_v, round) => <RoundStatusTag status={round.status} />,
            },
            {
              key: 'window',
              title: t('talent.window'),
              render: (_v, round) => `${round.windowStartsOn} ~ ${round.windowEndsOn}`,
            },
            { key: 'quota', title: t('talent.quota'), render: (_v, round) => round.config.allocation.quota },
            { key: 'count', title: t('talent.applicationCount'), dataIndex: 'applicationCount' },
          ]}
        />
        <CursorPager pages={pages} nextCursor={rounds.data?.nextCursor} />
      </Flex>
      <FormModal<CreateRoundForm>
        open={creating}
        name="create-round"
        title={t('talent.createRound')}
        okText={t('talent.create')}
        serverFields={SERVER_FIELDS}
        pending={create.isPending}
        initialValues={{
          unitId: officeUnits[0]?.unitId,
          quota: DEFAULTS.allocation.quota,
          minReviewers: DEFAULTS.review.minReviewersPerCandidate,
          blindPhase: DEFAULTS.review.blindPhase,
          normalisation: DEFAULTS.review.normalisation,
          elderlyShortfall: DEFAULTS.allocation.elderlyShortfall,
        }}
        onClose={() => setCreating(false)}
        onSubmit={(values, showProblem) =>
          create.mutate(
            {
              unitId: values.unitId,
              title: values.title,
              windowStartsOn: day(values.window[0]),
              windowEndsOn: day(values.window[1]),
              referenceDate: day(values.referenceDate),
              config: configOverrides(values),
            },
            {
              onSuccess: (round) => {
                setCreating(false);
                void navigate(`/talent/${round.id}`);
              },
              onError: showProblem,
            },
          )
        }
      >
        <Form.Item name="unitId" label={t('talent.unit')} rules={[choiceRequired(t)]}>
          <Select options={officeUnits.map((u) => ({ value: u.unitId, label: u.unitName }))} />
        </Form.Item>
        <Form.Item name="title" label={t('talent.roundTitle')} rules={[{ required: true, max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="window" label={t('talent.window')} rules={[choiceRequired(t)]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item
          name="referenceDate"
          label={t('talent.referenceDate')}
          extra={t('talent.referenceDateHelp')}
          rules={[choiceRequired(t)]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="quota"
          label={t('talent.quota')}
          extra={t('talent.defaultsHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item
          name="minReviewers"
          label={t('talent.minReviewers')}
          extra={t('talent.minReviewersHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item
          name="blindPhase"
          label={t('talentFixes.blindPhase')}
          extra={t('talentFixes.blindPhaseHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="normalisation"
          label={t('talentFixes.normalisation')}
          extra={t('talentFixes.normalisationHelp')}
        >
          <Select
            options={NORMALISATIONS.map((value) => ({
              value,
              label: t(`talentFixes.normalisations.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="elderlyShortfall"
          label={t('talentResults.shortfallPolicy')}
          extra={t('talentFixes.shortfallHelp')}
        >
          <Select
            options={SHORTFALLS.map((value) => ({ value, label: t(`talentResults.shortfall.${value}`) }))}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
