// The property-level diff beside the canvas: one entry per changed node, edge, handler or the
// definition itself, with each property by its name (办理时限, 审批人第 1 项的办理人) and its value
// before → after as people read it. Choosing a node's or an edge's entry selects it on the canvas
// and brings it into view.
import { Button, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DefinitionChange } from '../../../../workflows/engine/definition-diff.js';
import { describeDiffProperty, describeDiffValue, type DiffMark } from './diff-view.js';

const MARK_TAGS: Record<DiffMark, string> = {
  added: 'sgf-tag-good',
  changed: 'sgf-tag-warn',
  removed: 'sgf-tag-bad',
};

export function DiffList({
  changes,
  onChoose,
}: {
  changes: readonly DefinitionChange[];
  onChoose: (change: DefinitionChange) => void;
}) {
  const { t } = useTranslation();
  if (changes.length === 0) return <Empty description={t('designer.history.noChanges')} />;
  return (
    <ul className="sgf-diff-list" aria-label={t('designer.history.changes')}>
      {changes.map((change) => {
        const onCanvas = change.target === 'node' || change.target === 'edge';
        const title = `${t(`designer.history.targets.${change.target}`)} ${change.label ?? change.id}`;
        return (
          <li key={`${change.target}:${change.id}`} className="sgf-diff-entry">
            <div className="sgf-diff-entry-title">
              <Tag className={MARK_TAGS[change.change]}>{t(`designer.history.marks.${change.change}`)}</Tag>
              {onCanvas ? (
                <Button type="link" className="sgf-designer-issue-link" onClick={() => onChoose(change)}>
                  {title}
                </Button>
              ) : (
                <Typography.Text strong>{title}</Typography.Text>
              )}
            </div>
            {change.properties.length > 0 && (
              <ul className="sgf-diff-properties">
                {change.properties.map((property) => (
                  <li key={property.path}>
                    <PropertyChangeText
                      path={property.path}
                      before={property.before}
                      after={property.after}
                      onChoose={onCanvas ? () => onChoose(change) : undefined}
                    />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One property's change; a button choosing its node or edge when that is on the canvas. */
function PropertyChangeText({
  path,
  before,
  after,
  onChoose,
}: {
  path: string;
  before: unknown;
  after: unknown;
  onChoose: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const value = (which: unknown, className: string) => {
    const reading = describeDiffValue(path, which, t);
    return reading.code ? (
      <Typography.Text code className={className}>
        {reading.text}
      </Typography.Text>
    ) : (
      <span className={className}>{reading.text}</span>
    );
  };
  const name = describeDiffProperty(path, i18n.language.startsWith('zh'));
  const text = (
    <>
      {name && <Typography.Text strong>{name}</Typography.Text>} {value(before, 'sgf-diff-before')}
      {' → '}
      {value(after, 'sgf-diff-after')}
    </>
  );
  return onChoose ? (
    <button type="button" className="sgf-diff-property" onClick={onChoose}>
      {text}
    </button>
  ) : (
    text
  );
}
