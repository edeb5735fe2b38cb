import { describe, expect, it } from 'vitest';
import { findOtherAccountable, findRaciProblems } from './raci-rule';

describe('RACI rule', () => {
  it('reports deliverables without an Accountable', () => {
    const problems = findRaciProblems(
      ['d1', 'd2'],
      [
        { deliverableId: 'd1', memberId: 'm1', letter: 'A' },
        { deliverableId: 'd2', memberId: 'm1', letter: 'R' },
      ],
    );
    expect(problems).toEqual([{ deliverableId: 'd2', code: 'no_accountable' }]);
  });
  it('finds the other holder of A so a second A can be refused', () => {
    const cells = [{ deliverableId: 'd1', memberId: 'm1', letter: 'A' as const }];
    expect(findOtherAccountable(cells, 'd1', 'm2')?.memberId).toBe('m1');
    expect(findOtherAccountable(cells, 'd1', 'm1')).toBeUndefined();
  });
});
