// The property-level diff beside the canvas: one entry per changed node, edge, handler or the
// process itself (named by its name), with its changes as rows (diff-rows.ts): 办理时限 1 天 → 2 天,
// 新增表单字段「说明」（多行文本）, 办理人 项目社工 · 本单位 → 发起人. Choosing a node's or an
// edge's entry selects it on the canvas and brings it into view.
import { Button, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DefinitionChange } from '../../../../workflows/engine/definition-diff.js';
import { diffEntryName, diffRowsOf, type DiffGraphs, type DiffRow } from './diff-rows.js';
import type { DiffMark, DiffValueText } from './diff-view.js';

const MARK_TAGS: Record<DiffMark, string> = {
  added: 'sgf-tag-good',
  changed: 'sgf-tag-warn',
  removed: 'sgf-tag-bad',
};

/** The entries of `changes`, which the diff found between the two `graphs`. */
export function DiffList({
  changes,
  graphs,
  onChoose,
}: {
  changes: readonly DefinitionChange[];
  graphs: DiffGraphs;
  onChoose: (change: DefinitionChange) => void;
}) {
  const { t, i18n } = useTranslation();
  if (changes.length === 0) return <Empty description={t('designer.history.noChanges')} />;
  const zh = i18n.language.startsWith('zh');
  return (
    <ul className="sgf-diff-list" aria-label={t('designer.history.changes')}>
      {changes.map((change) => {
        const onCanvas = change.target === 'node' || change.target === 'edge';
        const title = `${t(`designer.history.targets.${change.target}`)} ${diffEntryName(change, graphs)}`;
        const rows = diffRowsOf(change, graphs, t, zh);
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
            {rows.length > 0 && (
              <ul className="sgf-diff-properties">
                {rows.map((row) => (
                  <li key={row.key}>
                    <DiffRowText row={row} onChoose={onCanvas ? () => onChoose(change) : undefined} />
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

function ValueText({ reading, className }: { reading: DiffValueText; className: string }) {
  return reading.code ? (
    <Typography.Text code className={className}>
      {reading.text}
    </Typography.Text>
  ) : (
    <span className={className}>{reading.text}</span>
  );
}

/** One row: a sentence, or a property before → after; a button choosing its node or edge when that is on the canvas. */
function DiffRowText({ row, onChoose }: { row: DiffRow; onChoose: (() => void) | undefined }) {
  const text =
    row.kind === 'changed' ? (
      <>
        {row.name && <Typography.Text strong>{row.name}</Typography.Text>}{' '}
        <ValueText reading={row.before} className="sgf-diff-before" />
        {' → '}
        <ValueText reading={row.after} className="sgf-diff-after" />
      </>
    ) : (
      row.text
    );
  return onChoose ? (
    <button type="button" className="sgf-diff-property" onClick={onChoose}>
      {text}
    </button>
  ) : (
    text
  );
}
