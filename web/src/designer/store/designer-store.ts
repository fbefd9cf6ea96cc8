// The designer's editor state: one store per open definition, made by a factory. The definition is
// the single source of truth (node positions live in its nodes' `position`, which the content hash
// ignores); the canvas and the panels are views of it and change it only through these actions, each
// an undoable step. A drag is one step however many frames it moves.
import { createStore } from 'zustand/vanilla';
import type {
  NodeKind,
  ProcessDefinition,
  ProcessEdge,
  ProcessNode,
} from '../../../../workflows/engine/definition-schema.js';
import {
  copySelection,
  firstFreeName,
  numberedApart,
  pasteClipboard,
  type Clipboard,
  type CopyNaming,
} from './clipboard.js';
import { edgeFor, judgeConnection, type ConnectionVerdict } from './connection-rules.js';
import {
  addNodes,
  deleteElements,
  moveNodes,
  patchDefinition,
  replaceEdge,
  replaceNode,
} from './definition-edits.js';
import { pasteShift } from '../canvas/free-spot.js';
import type { ItemFocus, ProcessItem } from '../process/process-items.js';
import { freshId, newNode } from './node-kinds.js';
import { removeStage } from './process-edits.js';

type Position = { x: number; y: number };

/** Steps kept for undo; older ones fall off (a long session must not grow without bound). */
export const HISTORY_LIMIT = 200;

export interface DesignerState {
  definition: ProcessDefinition;
  /** Bumped by every edit that may change what the validator says; moves leave it alone. */
  contentRevision: number;
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  past: readonly ProcessDefinition[];
  future: readonly ProcessDefinition[];
  clipboard: Clipboard | null;
  /** The definition as it was when the current drag began; null outside a drag. */
  moveStart: ProcessDefinition | null;
  /** The field the last edit typed into: further typing there extends that step instead of adding one. */
  typingIn: string | null;
  /** The process panel's section (and item) to open, asked for by a problem or the canvas's handler badge. */
  processFocus: ItemFocus | null;
  /** The problems strip under the canvas shows its list (its count shows either way). */
  problemsOpen: boolean;
  /**
   * The last request to show the problems (a node's badge clicked, 发布 or 试运行 refused): the node
   * whose problems to scroll to, and a counter so the same badge clicked again scrolls again.
   */
  problemsFocus: { nodeId: string | null; request: number };
}

export interface DesignerActions {
  addNode: (kind: NodeKind, name: string, position: Position) => string;
  connect: (from: string, to: string) => ConnectionVerdict;
  beginMove: () => void;
  moveNodes: (positions: ReadonlyMap<string, Position>) => void;
  endMove: () => void;
  /** Auto-layout: every position at once, one step. */
  placeNodes: (positions: ReadonlyMap<string, Position>) => void;
  /** `typing`: a key naming the text field typed into; successive keystrokes there are one step. */
  updateNode: (id: string, next: ProcessNode, typing?: string) => void;
  updateEdge: (id: string, next: ProcessEdge, typing?: string) => void;
  patchDefinition: (patch: Partial<Omit<ProcessDefinition, 'nodes' | 'edges'>>, typing?: string) => void;
  /** Removes a stage and clears it from the nodes in it: one step, so undo brings both back. */
  removeStage: (stageId: string) => void;
  /** Shows the process panel (nothing selected) opened at `item`. */
  openProcessItem: (item: ProcessItem) => void;
  /** Opens or folds the problems strip. */
  setProblemsOpen: (open: boolean) => void;
  /** Opens the problems strip, scrolled to `nodeId`'s problems when given. */
  showProblems: (nodeId?: string) => void;
  deleteElements: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  deleteSelection: () => void;
  select: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  copy: () => void;
  /** `naming`: the copies' names in the interface language. */
  paste: (naming: CopyNaming) => void;
  undo: () => void;
  redo: () => void;
  /** Another version replaces the one being edited (e.g. the other admin's save): history restarts. */
  resetDefinition: (definition: ProcessDefinition) => void;
}

export type DesignerStore = ReturnType<typeof createDesignerStore>;

export function createDesignerStore(initial: ProcessDefinition) {
  return createStore<DesignerState & DesignerActions>()((set, get) => {
    /** Records `next` as one undoable step. */
    const commit = (
      next: ProcessDefinition,
      options: { moveOnly?: boolean; from?: ProcessDefinition; typing?: string | undefined } = {},
    ) => {
      const state = get();
      const before = options.from ?? state.definition;
      const continuesTyping = options.typing !== undefined && options.typing === state.typingIn;
      set({
        definition: next,
        past: continuesTyping ? state.past : [...state.past, before].slice(-HISTORY_LIMIT),
        future: [],
        contentRevision: options.moveOnly ? state.contentRevision : state.contentRevision + 1,
        typingIn: options.typing ?? null,
      });
    };
    /** Keeps the selection to elements that still exist after an undo, redo or delete. */
    const keepSelection = (definition: ProcessDefinition) => {
      const { selectedNodeIds, selectedEdgeIds } = get();
      const nodes = new Set(definition.nodes.map((node) => node.id));
      const edges = new Set(definition.edges.map((edge) => edge.id));
      return {
        selectedNodeIds: selectedNodeIds.filter((id) => nodes.has(id)),
        selectedEdgeIds: selectedEdgeIds.filter((id) => edges.has(id)),
      };
    };
    const travel = (from: 'past' | 'future') => {
      const state = get();
      const stack = state[from];
      const target = stack[stack.length - 1];
      if (!target) return;
      const rest = stack.slice(0, -1);
      const other = [...state[from === 'past' ? 'future' : 'past'], state.definition];
      set({
        definition: target,
        past: from === 'past' ? rest : other,
        future: from === 'past' ? other : rest,
        contentRevision: state.contentRevision + 1,
        moveStart: null,
        typingIn: null,
      });
      set(keepSelection(target));
    };

    return {
      definition: initial,
      contentRevision: 0,
      selectedNodeIds: [],
      selectedEdgeIds: [],
      past: [],
      future: [],
      clipboard: null,
      moveStart: null,
      typingIn: null,
      processFocus: null,
      problemsOpen: true,
      problemsFocus: { nodeId: null, request: 0 },

      addNode: (kind, name, position) => {
        const { definition } = get();
        const id = freshId(kind, new Set(definition.nodes.map((node) => node.id)));
        // Named apart from the nodes already drawn, so that problems and panels can tell them apart.
        const names = new Set(definition.nodes.map((node) => node.name));
        commit(
          addNodes(definition, [newNode(kind, id, firstFreeName(name, names, numberedApart), position)]),
        );
        set({ selectedNodeIds: [id], selectedEdgeIds: [] });
        return id;
      },
      connect: (from, to) => {
        const { definition } = get();
        const verdict = judgeConnection(definition, from, to);
        if (verdict.ok) commit(addNodes(definition, [], [edgeFor(definition, from, to, verdict)]));
        return verdict;
      },
      beginMove: () => set({ moveStart: get().definition }),
      moveNodes: (positions) => {
        const { definition, moveStart } = get();
        const next = moveNodes(definition, positions);
        // Inside a drag the frames only move; the drag's end records one step.
        if (moveStart) set({ definition: next });
        else commit(next, { moveOnly: true });
      },
      endMove: () => {
        const { moveStart, definition } = get();
        set({ moveStart: null });
        if (moveStart && moveStart !== definition) commit(definition, { moveOnly: true, from: moveStart });
      },
      placeNodes: (positions) => commit(moveNodes(get().definition, positions), { moveOnly: true }),
      updateNode: (id, next, typing) => {
        commit(replaceNode(get().definition, id, next), { typing });
        // A renamed node stays selected under its new id.
        if (next.id !== id)
          set({
            selectedNodeIds: get().selectedNodeIds.map((selected) => (selected === id ? next.id : selected)),
          });
      },
      updateEdge: (id, next, typing) => commit(replaceEdge(get().definition, id, next), { typing }),
      patchDefinition: (patch, typing) => commit(patchDefinition(get().definition, patch), { typing }),
      removeStage: (stageId) => commit(removeStage(get().definition, stageId)),
      openProcessItem: (item) =>
        set({
          selectedNodeIds: [],
          selectedEdgeIds: [],
          typingIn: null,
          processFocus: { ...item, request: (get().processFocus?.request ?? 0) + 1 },
        }),
      setProblemsOpen: (open) => set({ problemsOpen: open }),
      showProblems: (nodeId) =>
        set({
          problemsOpen: true,
          problemsFocus: { nodeId: nodeId ?? null, request: get().problemsFocus.request + 1 },
        }),
      deleteElements: (nodeIds, edgeIds) => {
        if (nodeIds.length === 0 && edgeIds.length === 0) return;
        const next = deleteElements(get().definition, new Set(nodeIds), new Set(edgeIds));
        commit(next);
        set(keepSelection(next));
      },
      deleteSelection: () => get().deleteElements(get().selectedNodeIds, get().selectedEdgeIds),
      // Selecting something else ends a typing step: typing again later is a new step. It also ends
      // a request to open a process item, so the panel does not reopen it when shown again.
      select: (nodeIds, edgeIds) =>
        set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds, typingIn: null, processFocus: null }),
      copy: () => {
        const { definition, selectedNodeIds } = get();
        if (selectedNodeIds.length === 0) return;
        set({ clipboard: copySelection(definition, new Set(selectedNodeIds)) });
      },
      paste: (naming) => {
        const { clipboard, definition } = get();
        if (!clipboard || clipboard.nodes.length === 0) return;
        const shift = pasteShift(definition, clipboard.nodes);
        const pasted = pasteClipboard(definition, clipboard, shift, naming);
        commit(addNodes(definition, pasted.nodes, pasted.edges));
        set({
          selectedNodeIds: pasted.nodes.map((node) => node.id),
          selectedEdgeIds: pasted.edges.map((edge) => edge.id),
        });
      },
      undo: () => travel('past'),
      redo: () => travel('future'),
      resetDefinition: (definition) =>
        set({
          definition,
          past: [],
          future: [],
          moveStart: null,
          typingIn: null,
          selectedNodeIds: [],
          selectedEdgeIds: [],
          contentRevision: get().contentRevision + 1,
        }),
    };
  });
}
