// The dry run's side panel: where the instance stands (and any incident holding it) and the
// simulated clock, the events allowed next, the engine's refusal of the last attempt, the
// variables, the last step's effects and the trace with 回到此步; the script is restarted, saved,
// downloaded and loaded from here.
import type { TFunction } from 'i18next';
import { App, Alert, Button, Dropdown, Flex, Table, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { initialState } from '../../../../workflows/engine/instance-state.js';
import type { Rejection } from '../../../../workflows/engine/localized-message.js';
import type { TimedEvent } from '../../../../workflows/engine/simulate.js';
import { formatDateTime } from '../../ui/format-time.js';
import { ChoiceEntry } from './ChoiceEntry';
import { downloadScript, readScript, savedScript, saveScript } from './dry-run-script.js';
import { describeEvent, describeIncident, labelled, quotedNames } from './dry-run-texts.js';
import { describeEffect } from './effect-sentences.js';
import type { DryRun } from './use-dry-run.js';
import { variableRows } from './variable-rows.js';

const HOUR = 3_600_000;

/**
 * A detail of a rejection as one line: the field (by its label where the form gives one) and its
 * problem (form, input and payload issues).
 */
function issueLine(issue: unknown, zh: boolean, t: TFunction): string | undefined {
  if (typeof issue !== 'object' || issue === null) return undefined;
  const { field, label, message, messageZh } = issue as Record<string, unknown>;
  const reason = zh && typeof messageZh === 'string' ? messageZh : message;
  if (typeof reason !== 'string') return undefined;
  if (typeof field !== 'string') return reason;
  const named = typeof label === 'string' ? labelled(label, field, t) : field;
  return t('designer.dryRun.issue', { field: named, reason });
}

function RejectionAlert({ rejection }: { rejection: Rejection }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const lines = (Array.isArray(rejection.details) ? rejection.details : [])
    .map((issue) => issueLine(issue, zh, t))
    .filter((line) => line !== undefined);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('designer.dryRun.rejected', { reason: zh ? rejection.message.zh : rejection.message.en })}
      description={
        lines.length > 0 && (
          <ul>
            {lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** Where the instance stands, in one sentence. */
function standing(definition: ProcessDefinition, run: DryRun, t: TFunction) {
  const state = run.simulation.final;
  const names = (ids: Iterable<string>) => quotedNames(definition, ids, t);
  switch (state.status) {
    case 'created':
      return t('designer.dryRun.status.created');
    case 'cancelled':
      return t('designer.dryRun.status.cancelled');
    case 'completed':
      return t('designer.dryRun.status.completed', { ends: names(run.highlights.endsReached) });
    case 'running':
      return t('designer.dryRun.status.running', {
        nodes: names(new Set(Object.values(state.tokens).map((token) => token.nodeId))),
      });
  }
}

export function DryRunPanel({
  definitionKey,
  definition,
  run,
}: {
  definitionKey: string;
  definition: ProcessDefinition;
  run: DryRun;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const upload = useRef<HTMLInputElement>(null);
  const zh = i18n.language.startsWith('zh');
  const state = run.simulation.final;
  const last = run.lastStep;
  // A held token leaves only 撤销流程 to choose; the alert says why and where.
  const incidents = Object.values(state.incidents ?? {}).filter((incident) => incident.status === 'open');

  const load = (script: TimedEvent[] | undefined) => {
    if (!script) return void message.error(t('designer.dryRun.script.invalid'));
    run.replay(script);
  };

  return (
    <section className="sgf-dry-run-panel" aria-label={t('designer.dryRun.title')}>
      <Typography.Title level={5}>{t('designer.dryRun.title')}</Typography.Title>
      <Typography.Paragraph role="status">{standing(definition, run, t)}</Typography.Paragraph>
      {incidents.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('designer.dryRun.incidents')}
          description={
            <ul>
              {incidents.map((incident) => (
                <li key={incident.id}>
                  {describeIncident(incident, definition, t)}
                  {Object.keys(incident.values).length > 0 &&
                    // What the condition read: an empty value is most often why it could not decide.
                    t('designer.dryRun.incidentValues', {
                      values: variableRows(definition, incident.values, t)
                        .map((row) => t('designer.dryRun.incidentValue', row))
                        .join(t('designer.dryRun.values.separator')),
                    })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Flex wrap gap="small" align="center">
        <Typography.Text>{t('designer.dryRun.clock', { at: formatDateTime(run.clock) })}</Typography.Text>
        <Button size="small" onClick={() => run.advanceClock(HOUR)}>
          {t('designer.dryRun.advanceHour')}
        </Button>
        <Button size="small" onClick={() => run.advanceClock(24 * HOUR)}>
          {t('designer.dryRun.advanceDay')}
        </Button>
      </Flex>
      <Flex wrap gap="small" className="sgf-designer-pair">
        <Button onClick={run.restart}>{t('designer.dryRun.restart')}</Button>
        <Button
          onClick={() => {
            saveScript(definitionKey, run.script);
            void message.success(t('designer.dryRun.script.saved', { count: run.script.length }));
          }}
        >
          {t('designer.dryRun.script.save')}
        </Button>
        <Button onClick={() => downloadScript(definitionKey, run.script)}>
          {t('designer.dryRun.script.download')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'saved',
                label: t('designer.dryRun.script.fromSaved'),
                disabled: savedScript(definitionKey) === undefined,
              },
              { key: 'file', label: t('designer.dryRun.script.fromFile') },
            ],
            onClick: ({ key }) =>
              key === 'saved' ? load(savedScript(definitionKey)) : upload.current?.click(),
          }}
        >
          <Button>{t('designer.dryRun.script.load')}</Button>
        </Dropdown>
        <input
          ref={upload}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('designer.dryRun.script.file')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then((text) => load(readScript(text)));
          }}
        />
      </Flex>
      {run.rejection && <RejectionAlert rejection={run.rejection} />}

      <section aria-label={t('designer.dryRun.choices')}>
        <Typography.Title level={5}>{t('designer.dryRun.choices')}</Typography.Title>
        {run.choices.length === 0 && (
          <Typography.Paragraph>{t('designer.dryRun.noChoices')}</Typography.Paragraph>
        )}
        {run.choices.map((choice) => (
          <ChoiceEntry key={`${run.script.length}:${choice.key}`} choice={choice} onAnswer={run.act} />
        ))}
      </section>

      <section aria-label={t('designer.dryRun.variables')}>
        <Typography.Title level={5}>{t('designer.dryRun.variables')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          aria-label={t('designer.dryRun.variables')}
          dataSource={variableRows(definition, state.variables, t)}
          columns={[
            { key: 'variable', dataIndex: 'variable', title: t('designer.dryRun.variable') },
            {
              key: 'value',
              dataIndex: 'value',
              title: t('designer.dryRun.value'),
              className: 'sgf-dry-run-value',
            },
          ]}
          locale={{ emptyText: t('designer.dryRun.noVariables') }}
        />
      </section>

      <section aria-label={t('designer.dryRun.effects')}>
        <Typography.Title level={5}>{t('designer.dryRun.effects')}</Typography.Title>
        {last && last.effects.length > 0 ? (
          <ul>
            {last.effects.map((effect, index) => (
              <li key={index}>{describeEffect(effect, { def: definition, ...last }, t)}</li>
            ))}
          </ul>
        ) : (
          <Typography.Paragraph>{t('designer.dryRun.noEffects')}</Typography.Paragraph>
        )}
      </section>

      <section aria-label={t('designer.dryRun.trace')}>
        <Typography.Title level={5}>{t('designer.dryRun.trace')}</Typography.Title>
        {run.simulation.trace.length === 0 ? (
          <Typography.Paragraph>{t('designer.dryRun.noSteps')}</Typography.Paragraph>
        ) : (
          <ol>
            {run.simulation.trace.map((entry, index) => (
              <li key={index} className={entry.ok ? undefined : 'sgf-dry-run-rejected'}>
                {describeEvent(entry.event, run.befores[index] ?? initialState(), definition, t)} ·{' '}
                {formatDateTime(entry.at)}
                {entry.rejection && (
                  <>
                    {' '}
                    {t('designer.dryRun.rejected', {
                      reason: zh ? entry.rejection.message.zh : entry.rejection.message.en,
                    })}
                  </>
                )}{' '}
                <Button type="link" size="small" onClick={() => run.backTo(index)}>
                  {t('designer.dryRun.backToStep', { step: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
