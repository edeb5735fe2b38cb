import { AppError } from '../../shared/app-error';
import { MIGRATION_CATEGORIES, type MigrationCategory } from './migration.schema';

/** What the ordering needs of an object. */
export interface OrderNode {
  id: string;
  name: string;
  category: MigrationCategory;
  sortWeight: number;
  dependsOn: string[];
}

/** The first dependency cycle found, as names closing on the first: ["物料", "供应商", "物料"]. */
export function findDependencyCycle(nodes: readonly OrderNode[]): string[] | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: OrderNode): string[] | null => {
    const seen = state.get(node.id);
    if (seen === 'done') return null;
    if (seen === 'visiting') {
      const from = stack.indexOf(node.id);
      return [...stack.slice(from), node.id].map((id) => byId.get(id)!.name);
    }
    state.set(node.id, 'visiting');
    stack.push(node.id);
    for (const dep of node.dependsOn) {
      const next = byId.get(dep);
      if (!next) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node.id, 'done');
    return null;
  };
  for (const node of nodes) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** The 409 naming a cycle, e.g. "迁移对象的依赖成环：物料 → 供应商 → 物料". */
export function cycleError(cycle: string[]): AppError {
  return new AppError('MIGRATION_OBJECT_CYCLE', { path: cycle.join(' → ') }, [{ field: 'dependsOn' }]);
}

const WEIGHT: Record<MigrationCategory, number> = Object.fromEntries(MIGRATION_CATEGORIES.map((c, i) => [c, i])) as Record<
  MigrationCategory,
  number
>;

/**
 * The load order: every object after its dependencies; among the objects whose dependencies are
 * all placed, master data goes before opening balances, open transactions and history, then by
 * sort weight and name. (The engine's planner orders by dependency level only, which would put a
 * history object without dependencies before opening balances that depend on the chart of accounts.)
 * Returns the objects with their dependency level (longest chain below them), or throws the cycle.
 */
export function deriveLoadOrder<T extends OrderNode>(nodes: readonly T[]): { node: T; level: number }[] {
  const cycle = findDependencyCycle(nodes);
  if (cycle) throw cycleError(cycle);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const level = new Map<string, number>();
  const levelOf = (node: T): number => {
    const known = level.get(node.id);
    if (known !== undefined) return known;
    let depth = 0;
    for (const dep of node.dependsOn) {
      const d = byId.get(dep);
      if (d) depth = Math.max(depth, levelOf(d) + 1);
    }
    level.set(node.id, depth);
    return depth;
  };
  const rank = (a: T, b: T): number =>
    WEIGHT[a.category] - WEIGHT[b.category] || a.sortWeight - b.sortWeight || a.name.localeCompare(b.name, 'zh-CN');
  const placed = new Set<string>();
  const result: { node: T; level: number }[] = [];
  const remaining = [...nodes];
  while (remaining.length > 0) {
    const ready = remaining.filter((n) => n.dependsOn.every((d) => placed.has(d) || !byId.has(d))).sort(rank);
    const next = ready[0]!;
    placed.add(next.id);
    remaining.splice(remaining.indexOf(next), 1);
    result.push({ node: next, level: levelOf(next) });
  }
  return result;
}
