// 试运行 mode of the editor: the graph as it was when the mode opened, read-only, beside the dry
// run's panel; Esc (outside a field or dialog) leaves it.
import { useEffect } from 'react';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { isTyping } from '../canvas/use-designer-shortcuts.js';
import './dry-run.css';
import { DryRunCanvas } from './DryRunCanvas';
import { DryRunPanel } from './DryRunPanel';
import { useDryRun } from './use-dry-run.js';

export function DryRunMode({
  definitionKey,
  definition,
  onExit,
}: {
  definitionKey: string;
  definition: ProcessDefinition;
  onExit: () => void;
}) {
  const run = useDryRun(definition);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // An open menu or dialog takes Esc for itself first.
      if (
        event.key !== 'Escape' ||
        isTyping(event.target) ||
        document.querySelector('.ant-modal-wrap, .ant-dropdown:not(.ant-dropdown-hidden)')
      )
        return;
      onExit();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onExit]);
  return (
    <>
      <DryRunCanvas definition={definition} highlights={run.highlights} />
      <div className="sgf-designer-side">
        <DryRunPanel definitionKey={definitionKey} definition={definition} run={run} />
      </div>
    </>
  );
}
