/** One RACI cell. */
export interface RaciCell {
  deliverableId: string;
  memberId: string;
  letter: 'R' | 'A' | 'C' | 'I';
}

/** A deliverable that breaks the RACI rule. */
export interface RaciProblem {
  deliverableId: string;
  code: 'no_accountable';
}

/**
 * The RACI rule: every deliverable has exactly one Accountable (A). A second A is refused on write
 * (see {@link findOtherAccountable}), so what remains to report is a deliverable with no A.
 */
export function findRaciProblems(deliverableIds: string[], cells: RaciCell[]): RaciProblem[] {
  const problems: RaciProblem[] = [];
  for (const id of deliverableIds) {
    const accountable = cells.filter((c) => c.deliverableId === id && c.letter === 'A').length;
    if (accountable === 0) problems.push({ deliverableId: id, code: 'no_accountable' });
  }
  return problems;
}

/** The member who already holds A on the deliverable, other than `memberId`, if any. */
export function findOtherAccountable(cells: RaciCell[], deliverableId: string, memberId: string): RaciCell | undefined {
  return cells.find((c) => c.deliverableId === deliverableId && c.letter === 'A' && c.memberId !== memberId);
}
