import type { PlanDependency, PlanTask } from './schedule-model';

/** Why a plan cannot be scheduled. */
export type PlanProblem =
  | { code: 'cycle'; taskIds: string[] }
  | { code: 'unknown_task'; taskId: string }
  | { code: 'self_dependency'; taskId: string }
  | { code: 'duplicate_dependency'; predecessorId: string; successorId: string };

/** The tasks in an order where every predecessor comes before its successors, or the problem. */
export function orderPlan(
  tasks: readonly PlanTask[],
  dependencies: readonly PlanDependency[],
): { order: string[]; problem: null } | { order: null; problem: PlanProblem } {
  const ids = new Set(tasks.map((t) => t.id));
  const successors = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  const incoming = new Map<string, number>(tasks.map((t) => [t.id, 0]));
  const pairs = new Set<string>();
  for (const d of dependencies) {
    for (const id of [d.predecessorId, d.successorId])
      if (!ids.has(id)) return { order: null, problem: { code: 'unknown_task', taskId: id } };
    if (d.predecessorId === d.successorId) return { order: null, problem: { code: 'self_dependency', taskId: d.successorId } };
    const pair = `${d.predecessorId}\u0000${d.successorId}`;
    if (pairs.has(pair))
      return { order: null, problem: { code: 'duplicate_dependency', predecessorId: d.predecessorId, successorId: d.successorId } };
    pairs.add(pair);
    successors.get(d.predecessorId)!.push(d.successorId);
    incoming.set(d.successorId, incoming.get(d.successorId)! + 1);
  }
  // Kahn's algorithm, keeping the plan's own order among tasks that are free at the same time.
  const ready = tasks.filter((t) => incoming.get(t.id) === 0).map((t) => t.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of successors.get(id)!) {
      const left = incoming.get(next)! - 1;
      incoming.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length === tasks.length) return { order, problem: null };
  return { order: null, problem: { code: 'cycle', taskIds: findCycle(tasks, successors, new Set(order)) } };
}

/** One cycle among the tasks Kahn's algorithm could not order, as the ids along it (first repeated last). */
function findCycle(tasks: readonly PlanTask[], successors: Map<string, string[]>, ordered: Set<string>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of successors.get(id)!) {
      if (ordered.has(next)) continue;
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const t of tasks) {
    if (ordered.has(t.id) || state.has(t.id)) continue;
    const found = visit(t.id);
    if (found) return found;
  }
  return [];
}
