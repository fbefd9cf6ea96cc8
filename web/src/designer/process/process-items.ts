// The process's own lists (发起角色, 流程变量, 阶段, 事件处理) as places a problem can point to: the
// issues panel opens the process panel at the section and the item a validator path names.
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';

export const PROCESS_SECTIONS = ['starterRoles', 'variables', 'stages', 'eventHandlers'] as const;
export type ProcessSection = (typeof PROCESS_SECTIONS)[number];

/** A section of the process panel and, for a list, the item in it. */
export type ProcessItem = { section: ProcessSection; index?: number };
/** An ask to show a process item; `request` grows with every ask, so the same item can be asked again. */
export type ItemFocus = ProcessItem & { request: number };

const isSection = (value: unknown): value is ProcessSection =>
  (PROCESS_SECTIONS as readonly unknown[]).includes(value);

/** The process item a schema path (`eventHandlers.2.event`, `stages.0.name` …) lies in, if any. */
export function itemAtPath(path: readonly PropertyKey[]): ProcessItem | undefined {
  const [section, index] = path;
  if (!isSection(section)) return undefined;
  return typeof index === 'number' && section !== 'starterRoles' ? { section, index } : { section };
}

/** The handler a validator problem names by id, as an item of the 事件处理 section. */
export function handlerItem(definition: ProcessDefinition, handlerId: string): ProcessItem | undefined {
  const index = definition.eventHandlers.findIndex((handler) => handler.id === handlerId);
  return index < 0 ? undefined : { section: 'eventHandlers', index };
}
