// Live validation: the engine's validator runs in the browser after every content edit, at most once
// a frame (a burst of edits in one frame is validated once); moves do not change validity and skip it.
import { useEffect, useState } from 'react';
import { findIssues, type DesignerIssue } from './definition-issues.js';
import type { DesignerStore } from './store/designer-store.js';

export function useDefinitionIssues(store: DesignerStore): DesignerIssue[] {
  const [issues, setIssues] = useState(() => findIssues(store.getState().definition));
  useEffect(() => {
    let frame: number | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.contentRevision === previous.contentRevision || frame !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = undefined;
        setIssues(findIssues(store.getState().definition));
      });
    });
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [store]);
  return issues;
}
