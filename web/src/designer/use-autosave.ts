// Autosave of the draft: a second after the last edit the definition is saved with the revision it
// was based on (If-Match). The first save of a published version makes its draft. When another admin
// saved in between (412), nothing is overwritten: the editor asks whether to load their version or to
// overwrite it with this one. Saves run outside the mutation cache on purpose: its 412 handling
// reloads every query, which would not reach the editor's store and would hide the choice.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiProblem } from '../api/client';
import { draftApi, fetchDraft } from './definition-hooks.js';
import type { DraftView } from './definition-types.js';
import { readDefinition } from './import-definition.js';
import type { DesignerStore } from './store/designer-store.js';

export type SaveState = 'unchanged' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

const SAVE_DELAY_MS = 1000;
const RETRY_DELAY_MS = 5000;

export interface Autosave {
  state: SaveState;
  /** The other admin's draft when a save found one newer than this editor's base. */
  conflict: DraftView | null;
  loadTheirs: () => void;
  keepMine: () => void;
  /** Saves what is pending now; resolves with the draft's revision (null: no draft, nothing edited). */
  flush: () => Promise<number | null>;
  /** The draft became a version: the next edit makes a new draft. */
  published: () => void;
}

export function useAutosave(store: DesignerStore, key: string, initialRevision: number | null): Autosave {
  const [state, setState] = useState<SaveState>('unchanged');
  const [conflict, setConflict] = useState<DraftView | null>(null);
  const revision = useRef(initialRevision);
  const saved = useRef(store.getState().definition);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);

  const save = useCallback(async (): Promise<void> => {
    if (running.current) await running.current;
    const definition = store.getState().definition;
    if (definition === saved.current || blocked.current) return;
    setState('saving');
    const attempt = (async () => {
      try {
        const view =
          revision.current === null
            ? await draftApi.create(key, definition)
            : await draftApi.save(key, definition, revision.current);
        revision.current = view.revision;
        saved.current = definition;
        setState(store.getState().definition === definition ? 'saved' : 'pending');
      } catch (error) {
        const someoneElse =
          isApiProblem(error) &&
          (error.status === 412 || (error.status === 409 && error.code === 'DRAFT_EXISTS'));
        if (someoneElse) {
          blocked.current = true;
          setConflict(await fetchDraft(key));
          setState('conflict');
        } else {
          setState('error');
          timer.current = setTimeout(() => void save(), RETRY_DELAY_MS);
        }
      }
    })();
    running.current = attempt;
    await attempt;
    running.current = null;
  }, [store, key]);

  useEffect(() => {
    const unsubscribe = store.subscribe((next, previous) => {
      if (next.definition === previous.definition || blocked.current) return;
      setState(next.definition === saved.current ? 'saved' : 'pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
    };
  }, [store, save]);

  // Leaving with unsaved edits asks first (the browser's own prompt).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (store.getState().definition !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [store]);

  const loadTheirs = () => {
    const theirs = conflict && readDefinition(conflict.definition);
    if (!conflict || !theirs?.ok) return;
    saved.current = theirs.definition;
    revision.current = conflict.revision;
    blocked.current = false;
    store.getState().resetDefinition(theirs.definition);
    setConflict(null);
    setState('saved');
  };
  const keepMine = () => {
    // Their draft may be gone (published or discarded) by now: then this one starts a new draft.
    revision.current = conflict ? conflict.revision : null;
    blocked.current = false;
    setConflict(null);
    void save();
  };
  const flush = async () => {
    clearTimeout(timer.current);
    await save();
    return store.getState().definition === saved.current ? revision.current : null;
  };
  const published = () => {
    revision.current = null;
    saved.current = store.getState().definition;
    setState('saved');
  };
  return { state, conflict, loadTheirs, keepMine, flush, published };
}
