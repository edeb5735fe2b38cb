import type { PlanTaskTable } from '../../db/schema-rollout';

/** A plan line placed in the outline: its WBS number, level and whether it has subtasks. */
export interface OutlineLine {
  row: PlanTaskTable;
  wbs: string;
  outlineLevel: number;
  isSummary: boolean;
  /** Ids of all lines below it (not only direct children). */
  descendantIds: string[];
}

/**
 * Places the plan's lines in outline order (parents before children, siblings by position) and
 * numbers them like MS Project's WBS ("2.1.3"). A line whose parent is missing becomes a root, so a
 * damaged tree still shows every line.
 */
export function buildOutline(rows: readonly PlanTaskTable[]): OutlineLine[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, PlanTaskTable[]>();
  for (const row of rows) {
    const parent = row.parent_id && ids.has(row.parent_id) && row.parent_id !== row.id ? row.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.sort - b.sort || a.uid - b.uid);
  const out: OutlineLine[] = [];
  const seen = new Set<string>();
  const visit = (row: PlanTaskTable, prefix: string, level: number): string[] => {
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    const line: OutlineLine = { row, wbs: prefix, outlineLevel: level, isSummary: false, descendantIds: [] };
    out.push(line);
    const kids = children.get(row.id) ?? [];
    kids.forEach((kid, i) => line.descendantIds.push(kid.id, ...visit(kid, `${prefix}.${i + 1}`, level + 1)));
    line.isSummary = kids.length > 0;
    return line.descendantIds;
  };
  (children.get(null) ?? []).forEach((root, i) => visit(root, String(i + 1), 1));
  // Lines caught in a parent loop (A under B under A) are not reachable from a root: show them as roots.
  for (const row of rows) if (!seen.has(row.id)) visit(row, String(out.filter((l) => l.outlineLevel === 1).length + 1), 1);
  return out;
}

/** Whether `candidateParentId` is `taskId` itself or below it (a move there would make a loop). */
export function isSelfOrDescendant(rows: readonly PlanTaskTable[], taskId: string, candidateParentId: string): boolean {
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  let current: string | null | undefined = candidateParentId;
  for (let guard = 0; current && guard <= rows.length; guard++) {
    if (current === taskId) return true;
    current = parentOf.get(current);
  }
  return false;
}
