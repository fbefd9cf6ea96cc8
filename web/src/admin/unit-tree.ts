// Turns the flat unit list from the API into the nested shape of antd's Tree and TreeSelect,
// children ordered by code, and answers "which units lie below this one".
import type { Unit } from './admin-types';

export interface UnitNode {
  key: string;
  value: string;
  title: string;
  unit: Unit;
  children: UnitNode[];
}

export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(
    units.map((unit) => [unit.id, { key: unit.id, value: unit.id, title: unit.name, unit, children: [] }]),
  );
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    // A unit whose parent the caller cannot see is a root of their visible tree.
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.code.localeCompare(b.unit.code));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** The unit and the names above it, e.g. 历城区… / 洪家楼街道… / 洪家楼北路…, for places where a name alone is ambiguous. */
export function unitPath(units: readonly Unit[], unitId: string): string[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const names: string[] = [];
  for (let unit = byId.get(unitId); unit && names.length <= units.length;) {
    names.unshift(unit.name);
    unit = unit.parentId ? byId.get(unit.parentId) : undefined;
  }
  return names;
}
