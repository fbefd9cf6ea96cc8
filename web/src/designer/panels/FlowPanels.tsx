// The panels of the nodes and edges that route the flow: a gateway's conditions per outgoing edge,
// one edge's label / condition / default / outcome, a timer, an end.
import { Checkbox, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  outcomesByKind,
  type NodeOf,
  type ProcessEdge,
} from '../../../../workflows/engine/definition-schema.js';
import { describeOutcome, describeTimer } from '../canvas/node-texts.js';
import {
  formatCycleParts,
  formatDurationParts,
  parseCycleParts,
  parseDurationParts,
} from '../duration-parts.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { FeelInput } from './FeelInput';
import { DurationField, Field, TextField } from './panel-fields';
import { useNodeEdit } from './use-node-edit.js';
import { useVariables } from './use-variables.js';

export function GatewayPanel({ node }: { node: NodeOf<'gateway'> }) {
  const { t } = useTranslation();
  const edges = useDesigner((state) => state.definition.edges);
  const nodes = useDesigner((state) => state.definition.nodes);
  const updateEdge = useDesigner((state) => state.updateEdge);
  const variables = useVariables();
  const outgoing = edges.filter((edge) => edge.from === node.id);
  const nameOf = (id: string) => nodes.find((candidate) => candidate.id === id)?.name ?? id;
  if (outgoing.length === 0)
    return <Typography.Text type="secondary">{t('designer.gateway.noEdges')}</Typography.Text>;
  const defaultEdge = outgoing.find((edge) => edge.default === true)?.id;
  return (
    <>
      <Field label={t('designer.gateway.default')}>
        <Radio.Group
          value={defaultEdge}
          onChange={(event) => {
            const edge = outgoing.find((candidate) => candidate.id === event.target.value);
            if (edge) {
              const { condition: _dropped, ...rest } = edge;
              updateEdge(edge.id, { ...rest, default: true });
            }
          }}
          options={outgoing.map((edge) => ({ value: edge.id, label: nameOf(edge.to) }))}
        />
      </Field>
      {outgoing
        .filter((edge) => edge.default !== true)
        .map((edge) => (
          <FeelInput
            key={edge.id}
            id={`sgf-prop-condition-${edge.id}`}
            label={t('designer.gateway.conditionTo', { name: nameOf(edge.to) })}
            value={edge.condition}
            variables={variables}
            onChange={(condition, typing) =>
              updateEdge(edge.id, withOptional(edge, 'condition', condition), typing)
            }
          />
        ))}
    </>
  );
}

function withOptional<K extends keyof ProcessEdge>(
  edge: ProcessEdge,
  key: K,
  value: ProcessEdge[K] | undefined,
) {
  const next = { ...edge };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function EdgePanel({ edge }: { edge: ProcessEdge }) {
  const { t } = useTranslation();
  const source = useDesigner((state) => state.definition.nodes.find((node) => node.id === edge.from));
  const updateEdge = useDesigner((state) => state.updateEdge);
  const variables = useVariables();
  const outcomes = source ? (outcomesByKind[source.kind] ?? []) : [];
  return (
    <>
      <TextField
        id="sgf-prop-edge-label"
        label={t('designer.edge.label')}
        value={edge.label}
        onChange={(label, typing) =>
          updateEdge(edge.id, withOptional(edge, 'label', label || undefined), typing)
        }
      />
      {source?.kind === 'gateway' && (
        <>
          <Checkbox
            checked={edge.default === true}
            onChange={(event) =>
              updateEdge(edge.id, withOptional(edge, 'default', event.target.checked ? true : undefined))
            }
          >
            {t('designer.edge.default')}
          </Checkbox>
          {edge.default !== true && (
            <FeelInput
              id="sgf-prop-edge-condition"
              label={t('designer.edge.condition')}
              value={edge.condition}
              variables={variables}
              onChange={(condition, typing) =>
                updateEdge(edge.id, withOptional(edge, 'condition', condition), typing)
              }
            />
          )}
        </>
      )}
      {outcomes.length > 0 && (
        <Field label={t('designer.edge.outcome')} htmlFor="sgf-prop-edge-outcome">
          <Select<string>
            id="sgf-prop-edge-outcome"
            allowClear
            value={edge.outcome}
            onChange={(outcome) => updateEdge(edge.id, withOptional(edge, 'outcome', outcome))}
            options={outcomes.map((outcome) => ({
              value: outcome,
              label: describeOutcome(outcome, t),
            }))}
          />
        </Field>
      )}
    </>
  );
}

const TIMER_TYPES = ['duration', 'date', 'cycle'] as const;

export function TimerPanel({ node }: { node: NodeOf<'timer'> }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  const timer = node.timer;
  const variables = useVariables();
  const cycle = timer.type === 'cycle' ? parseCycleParts(timer.cycle) : undefined;
  const ofType = (type: (typeof TIMER_TYPES)[number]): NodeOf<'timer'>['timer'] =>
    type === 'duration'
      ? { type, duration: 'P1D' }
      : type === 'date'
        ? { type, date: '' }
        : { type, cycle: 'R4/P1Y' };
  return (
    <>
      <Field label={t('designer.timer.type')}>
        <Radio.Group
          optionType="button"
          value={timer.type}
          onChange={(event) => edit({ timer: ofType(event.target.value as (typeof TIMER_TYPES)[number]) })}
          options={TIMER_TYPES.map((type) => ({ value: type, label: t(`designer.timer.types.${type}`) }))}
        />
      </Field>
      {timer.type === 'duration' && (
        <DurationField
          id="sgf-prop-timer-duration"
          label={t('designer.timer.duration')}
          value={timer.duration}
          onChange={(duration) => edit({ timer: { type: 'duration', duration: duration ?? 'P1D' } })}
        />
      )}
      {timer.type === 'date' && (
        <>
          <TextField
            id="sgf-prop-timer-date"
            label={t('designer.timer.date')}
            placeholder="2026-03-01"
            value={timer.date}
            onChange={(date, typing) => edit({ timer: { type: 'date', ...(date ? { date } : {}) } }, typing)}
          />
          <TextField
            id="sgf-prop-timer-date-variable"
            label={t('designer.timer.dateVariable')}
            value={timer.dateVariable}
            onChange={(dateVariable, typing) =>
              edit({ timer: { type: 'date', ...(dateVariable ? { dateVariable } : {}) } }, typing)
            }
          />
        </>
      )}
      {timer.type === 'cycle' && (
        <>
          {cycle ? (
            <>
              <DurationField
                id="sgf-prop-timer-every"
                label={t('designer.timer.every')}
                units={['H', 'D', 'W', 'M', 'Y']}
                value={formatDurationParts(cycle.every)}
                onChange={(every) => {
                  const parts = parseDurationParts(every ?? 'P1Y');
                  if (parts)
                    edit({ timer: { ...timer, cycle: formatCycleParts({ ...cycle, every: parts }) } });
                }}
              />
              <Field label={t('designer.timer.count')} htmlFor="sgf-prop-timer-count">
                <Input
                  id="sgf-prop-timer-count"
                  type="number"
                  min={1}
                  value={cycle.count ?? ''}
                  placeholder={t('designer.timer.unbounded')}
                  onChange={(event) => {
                    const count = Number(event.target.value);
                    const { count: _old, ...rest } = cycle;
                    edit({
                      timer: {
                        ...timer,
                        cycle: formatCycleParts(
                          Number.isInteger(count) && count > 0 ? { ...rest, count } : rest,
                        ),
                      },
                    });
                  }}
                />
              </Field>
            </>
          ) : (
            <TextField
              id="sgf-prop-timer-cycle"
              label={t('designer.timer.cycle')}
              value={timer.cycle}
              onChange={(text, typing) => edit({ timer: { ...timer, cycle: text } }, typing)}
            />
          )}
          <FeelInput
            id="sgf-prop-timer-until"
            label={t('designer.timer.until')}
            value={timer.until}
            variables={variables}
            onChange={(until, typing) => {
              const { until: _old, ...rest } = timer;
              edit({ timer: until === undefined ? rest : { ...rest, until } }, typing);
            }}
          />
        </>
      )}
      <Typography.Paragraph className="sgf-designer-preview" aria-live="polite">
        {t('designer.timer.preview')}：{describeTimer(timer, t)}
      </Typography.Paragraph>
    </>
  );
}

export function EndPanel({ node }: { node: NodeOf<'end'> }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  const shown = node.outcome && describeOutcome(node.outcome, t);
  return (
    <Space direction="vertical" className="sgf-designer-stack">
      <TextField
        id="sgf-prop-end-outcome"
        label={t('designer.end.outcome')}
        value={node.outcome}
        onChange={(outcome, typing) => edit({ outcome: outcome || undefined }, typing)}
        help={shown && shown !== node.outcome ? t('designer.end.outcomeShown', { label: shown }) : undefined}
      />
      <Checkbox checked={node.terminate} onChange={(event) => edit({ terminate: event.target.checked })}>
        {t('designer.end.terminate')}
      </Checkbox>
    </Space>
  );
}
