// Autosave of the draft: a second after the last edit the definition is saved with the revision it
// was based on (If-Match). The first save of a published version makes its draft. When another admin
// saved in between (412), or published the draft so that it is gone (404), nothing is overwritten:
// the editor asks whether to load their version or to keep this one. Saves run outside the mutation
// cache on purpose: its 412 handling reloads every query, which would not reach the editor's store and
// would hide the choice. Saves run one after another on one chain, so two of them never send the same
// revision (the second would meet a conflict with this editor itself). Leaving the editor sends what is
// pending: on unmount through the chain, on closing the tab with a keepalive request.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiProblem } from '../api/client';
import {
  definitionKeys,
  draftApi,
  fetchDraft,
  fetchLatestVersion,
  fetchVersion,
} from './definition-hooks.js';
import type { DraftView } from './definition-types.js';
import { readDefinition } from './import-definition.js';
import type { DesignerStore } from './store/designer-store.js';

export type SaveState = 'unchanged' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** What a save met instead of its draft: another admin's newer draft, or no draft (published or discarded). */
export type SaveConflict =
  | { kind: 'draft'; draft: DraftView }
  /** The draft is gone; version is the latest published one (null when none is). */
  | { kind: 'gone'; version: number | null };

/** What publishing may go on with: the saved draft's revision, nothing to publish, or a failed save. */
export type FlushResult = { revision: number } | { nothing: true } | { failed: 'conflict' | 'error' };

const SAVE_DELAY_MS = 1000;
const RETRY_DELAY_MS = 5000;

export interface Autosave {
  state: SaveState;
  conflict: SaveConflict | null;
  /** Takes the other admin's draft, or the published version when the draft is gone. */
  loadTheirs: () => void;
  /** Saves this graph over their draft, or as a new draft when it is gone. */
  keepMine: () => void;
  /** Saves what is pending now (after any save in flight). */
  flush: () => Promise<FlushResult>;
  /** The draft became a version: the next edit makes a new draft. */
  published: () => void;
}

export function useAutosave(store: DesignerStore, key: string, initialRevision: number | null): Autosave {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>('unchanged');
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const revision = useRef(initialRevision);
  const saved = useRef(store.getState().definition);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const blocked = useRef(false);

  const findConflict = useCallback(async (): Promise<SaveConflict> => {
    const draft = await fetchDraft(key);
    return draft ? { kind: 'draft', draft } : { kind: 'gone', version: await fetchLatestVersion(key) };
  }, [key]);

  /** One save of what is on the canvas; true when it failed for a reason worth retrying. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    const definition = store.getState().definition;
    if (definition === saved.current || blocked.current) return false;
    setState('saving');
    try {
      const view =
        revision.current === null
          ? await draftApi.create(key, definition)
          : await draftApi.save(key, definition, revision.current);
      revision.current = view.revision;
      saved.current = definition;
      setState(store.getState().definition === definition ? 'saved' : 'pending');
      return false;
    } catch (error) {
      const someoneElse =
        isApiProblem(error) &&
        (error.status === 412 ||
          (error.status === 404 && revision.current !== null) ||
          (error.status === 409 && error.code === 'DRAFT_EXISTS'));
      if (!someoneElse) {
        setState('error');
        return true;
      }
      blocked.current = true;
      setConflict(await findConflict().catch((): SaveConflict => ({ kind: 'gone', version: null })));
      setState('conflict');
      return false;
    }
  }, [store, key, findConflict]);

  const save = useCallback((): Promise<void> => {
    const run: Promise<void> = chain.current.then(saveNow).then((retry) => {
      if (!retry) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), RETRY_DELAY_MS);
    });
    chain.current = run;
    return run;
  }, [saveNow]);

  useEffect(() => {
    const opened = saved.current;
    const unsubscribe = store.subscribe((next, previous) => {
      if (next.definition === previous.definition || blocked.current) return;
      setState(next.definition === saved.current ? 'saved' : 'pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
      // Leaving the editor inside the app: the last second's edit is saved, then the next opening
      // reads the draft afresh. Its query is removed rather than invalidated: the page would open
      // the cached graph while refetching, and the editor takes its graph only once.
      void save().finally(() => {
        if (saved.current === opened) return;
        queryClient.removeQueries({ queryKey: definitionKeys.editing(key) });
        void queryClient.invalidateQueries({ queryKey: definitionKeys.list() });
      });
    };
  }, [store, save, queryClient, key]);

  // Closing or reloading the tab: the pending edit goes out with keepalive (If-Match keeps it from
  // overwriting anyone), and the browser's own prompt asks while it is pending or failing.
  useEffect(() => {
    const unsaved = () => !blocked.current && store.getState().definition !== saved.current;
    const warn = (event: BeforeUnloadEvent) => {
      if (blocked.current || unsaved()) event.preventDefault();
    };
    const sendPending = () => {
      if (!unsaved()) return;
      clearTimeout(timer.current);
      const { definition } = store.getState();
      const sent =
        revision.current === null
          ? draftApi.create(key, definition, true)
          : draftApi.save(key, definition, revision.current, true);
      sent.catch(() => undefined);
    };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('pagehide', sendPending);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('pagehide', sendPending);
    };
  }, [store, key]);

  const loadTheirs = () => {
    if (!conflict) return;
    const load = async () => {
      const theirs =
        conflict.kind === 'draft'
          ? { revision: conflict.draft.revision, definition: conflict.draft.definition }
          : conflict.version === null
            ? null
            : { revision: null, definition: (await fetchVersion(key, conflict.version)).definition };
      const read = theirs && readDefinition(theirs.definition);
      if (!theirs || !read?.ok) return;
      saved.current = read.definition;
      revision.current = theirs.revision;
      blocked.current = false;
      store.getState().resetDefinition(read.definition);
      setConflict(null);
      setState('saved');
    };
    void load().catch(() => setState('conflict'));
  };
  const keepMine = () => {
    revision.current = conflict?.kind === 'draft' ? conflict.draft.revision : null;
    blocked.current = false;
    setConflict(null);
    void save();
  };
  const flush = async (): Promise<FlushResult> => {
    clearTimeout(timer.current);
    await save();
    if (store.getState().definition !== saved.current)
      return { failed: blocked.current ? 'conflict' : 'error' };
    return revision.current === null ? { nothing: true } : { revision: revision.current };
  };
  const published = () => {
    revision.current = null;
    saved.current = store.getState().definition;
    setState('saved');
  };
  return { state, conflict, loadTheirs, keepMine, flush, published };
}
