import { useMemo } from 'react';
import type { DataScope, ErpFunction, PermissionMatrix } from '../types';

/** A function as a row of the grid, with how many rows its module and menu cells span (0: covered). */
export interface MatrixRow extends ErpFunction {
  moduleSpan: number;
  menuSpan: number;
}

/**
 * What the grid shows of a matrix: the scope and the conflict state of each `roleId|functionId`
 * cell, the modules, the visible rows (filtered, grouped module → menu with their spans) and the
 * roles in an open conflict.
 */
export function useMatrixRows(matrix: PermissionMatrix, moduleFilter: string | undefined, onlyConflicts: boolean) {
  const scopes = useMemo(
    () => new Map<string, DataScope>(matrix.grants.map((g) => [`${g.roleId}|${g.functionId}`, g.scope])),
    [matrix.grants],
  );
  const conflictCells = useMemo(() => {
    const map = new Map<string, 'open' | 'mitigated'>();
    for (const c of matrix.conflicts.items) {
      for (const g of [...c.sideA, ...c.sideB]) {
        const key = `${g.roleId}|${g.functionId}`;
        if (c.status === 'open' || !map.has(key)) map.set(key, c.status);
      }
    }
    return map;
  }, [matrix.conflicts.items]);

  const modules = useMemo(() => [...new Set(matrix.functions.map((f) => f.module))], [matrix.functions]);

  const rows = useMemo<MatrixRow[]>(() => {
    const conflictFunctions = new Set([...conflictCells.keys()].map((k) => k.split('|')[1]));
    const visible = matrix.functions.filter(
      (f) => (!moduleFilter || f.module === moduleFilter) && (!onlyConflicts || conflictFunctions.has(f.id)),
    );
    const ordered = modules.flatMap((module) => {
      const inModule = visible.filter((f) => f.module === module);
      const menus = [...new Set(inModule.map((f) => f.menu))];
      return menus.flatMap((menu) => inModule.filter((f) => f.menu === menu));
    });
    return ordered.map((f, i) => {
      const firstOfModule = i === 0 || ordered[i - 1].module !== f.module;
      const firstOfMenu = firstOfModule || ordered[i - 1].menu !== f.menu;
      const span = (same: (x: ErpFunction) => boolean) => {
        let n = 0;
        while (i + n < ordered.length && same(ordered[i + n])) n++;
        return n;
      };
      return {
        ...f,
        moduleSpan: firstOfModule ? span((x) => x.module === f.module) : 0,
        menuSpan: firstOfMenu ? span((x) => x.module === f.module && x.menu === f.menu) : 0,
      };
    });
  }, [matrix.functions, modules, moduleFilter, onlyConflicts, conflictCells]);

  const openRoles = useMemo(
    () => new Set(matrix.conflicts.items.filter((c) => c.status === 'open').flatMap((c) => c.roleIds)),
    [matrix.conflicts.items],
  );

  return { scopes, conflictCells, modules, rows, openRoles };
}
