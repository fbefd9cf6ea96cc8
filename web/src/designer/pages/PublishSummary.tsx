// The publish dialog's summary beyond validation: what changes against the latest published version
// (the engine's structural diff, run here on the editor's graph so unsaved edits count too) and the
// projects still running on published versions, which keep their version after publishing unless
// they are moved in 迁移实例.
import { Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { diffDefinitions, type DefinitionChange } from '../../../../workflows/engine/definition-diff.js';
import { useFocusElement } from '../canvas/use-focus-element';
import { DiffList } from '../history/DiffList';
import { withDefaults } from '../../../../workflows/engine/definition-parts.js';
import { useVersionGraph, useVersionList } from '../history/history-hooks.js';
import { useDesigner } from '../store/DesignerStoreContext';

const isGraph = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function PublishSummary({ definitionKey, onChoose }: { definitionKey: string; onChoose: () => void }) {
  const { t } = useTranslation();
  const versions = useVersionList(definitionKey);
  const published = (versions.data?.items ?? []).filter((item) => item.status !== 'draft');
  const latest = published.reduce<number | undefined>(
    (max, item) => Math.max(max ?? 0, item.version),
    undefined,
  );
  const latestGraph = useVersionGraph(definitionKey, latest);
  const definition = useDesigner((state) => state.definition);
  // Both with defaults filled in: a draft with schema problems is the editor's raw graph.
  const compared = useMemo(() => {
    const published = withDefaults(latestGraph.data);
    return isGraph(published)
      ? { before: published, after: withDefaults(definition) as Record<string, unknown> }
      : undefined;
  }, [latestGraph.data, definition]);
  const changes = useMemo(
    () => (compared ? diffDefinitions(compared.before, compared.after) : null),
    [compared],
  );
  const focus = useFocusElement();
  const choose = (change: DefinitionChange) => {
    onChoose();
    focus(change.target === 'node' ? { nodeId: change.id } : { edgeId: change.id });
  };
  if (versions.isPending) return <Spin size="small" />;
  const running = published.filter((item) => item.instances.running > 0);

  return (
    <section className="sgf-publish-summary" aria-label={t('designer.editing.summary')}>
      <Typography.Title level={5}>
        {latest === undefined
          ? t('designer.editing.firstVersion')
          : t('designer.editing.diffTitle', { version: latest })}
      </Typography.Title>
      {latest !== undefined &&
        (changes && compared ? (
          <DiffList changes={changes} graphs={compared} onChoose={choose} />
        ) : (
          <Spin size="small" />
        ))}
      <Typography.Title level={5}>{t('designer.editing.runningTitle')}</Typography.Title>
      {running.length === 0 ? (
        <Typography.Paragraph>{t('designer.editing.noRunning')}</Typography.Paragraph>
      ) : (
        <>
          <ul aria-label={t('designer.editing.runningTitle')}>
            {running.map((item) => (
              <li key={item.version}>
                {t('designer.editing.runningVersion', {
                  version: item.version,
                  count: item.instances.running,
                })}
              </li>
            ))}
          </ul>
          <Typography.Paragraph>{t('designer.editing.runningNote')}</Typography.Paragraph>
          <Link to={`/designer/${encodeURIComponent(definitionKey)}/migrate`}>
            {t('designer.migration.open')}
          </Link>
        </>
      )}
    </section>
  );
}
