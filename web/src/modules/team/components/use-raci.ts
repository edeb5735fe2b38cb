import { App, Form } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../../api/api';
import { PHASES, type Phase, type RaciLetter, type RaciMatrix } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

/** One deliverable of the RACI matrix. */
export type Deliverable = RaciMatrix['deliverables'][number];

/** A grid row: a deliverable, with how many rows its phase cell spans (0 below the first of a phase). */
export interface RaciRow extends Deliverable {
  phaseRowSpan: number;
}

/** What the add-deliverable form holds. */
export interface DeliverableValues {
  phase: Phase;
  name: string;
}

function phaseIndex(phase: string): number {
  const i = (PHASES as readonly string[]).indexOf(phase);
  return i < 0 ? PHASES.length : i;
}

/**
 * The project's RACI matrix: deliverables sorted by phase into rows, each cell's letter, the issues
 * per deliverable, and the edits (set a cell, add or remove a deliverable). `pending` is the
 * `deliverable|member` cell being saved, so only that one is disabled meanwhile.
 */
export function useRaci(projectId: string) {
  const { message } = App.useApp();
  const raci = useApi(() => api.team.raci(projectId), [projectId]);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<string | null>(null);
  const [form] = Form.useForm<DeliverableValues>();
  const [adding, setAdding] = useState(false);
  const m = raci.data;

  const letters = useMemo(() => {
    const map = new Map<string, RaciLetter>();
    for (const a of m?.assignments ?? []) map.set(`${a.deliverableId}|${a.memberId}`, a.letter);
    return map;
  }, [m]);

  const rows = useMemo<RaciRow[]>(() => {
    const sorted = [...(m?.deliverables ?? [])].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase) || a.sort - b.sort);
    return sorted.map((d, i) => {
      const first = i === 0 || sorted[i - 1].phase !== d.phase;
      const span = first ? sorted.slice(i).findIndex((x) => x.phase !== d.phase) : 0;
      return { ...d, phaseRowSpan: first ? (span < 0 ? sorted.length - i : span) : 0 };
    });
  }, [m]);

  const issuesByDeliverable = useMemo(() => {
    const map = new Map<string, RaciMatrix['issues']>();
    for (const issue of m?.issues ?? []) map.set(issue.deliverableId, [...(map.get(issue.deliverableId) ?? []), issue]);
    return map;
  }, [m]);

  const setCell = async (deliverableId: string, memberId: string, letter: RaciLetter | null) => {
    const key = `${deliverableId}|${memberId}`;
    setPending(key);
    setError(undefined);
    try {
      raci.setData(await api.team.setRaci(projectId, deliverableId, memberId, letter));
    } catch (cause) {
      const e = toApiError(cause);
      setError(e.message);
      message.error(e.message);
    } finally {
      setPending(null);
    }
  };

  const addDeliverable = async (values: DeliverableValues) => {
    setAdding(true);
    try {
      await api.team.addDeliverable(projectId, values.phase, values.name);
      form.resetFields(['name']);
      await raci.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['phase', 'name']);
      message.error([text, ...unmatched].join(' '));
    } finally {
      setAdding(false);
    }
  };

  const removeDeliverable = async (d: Deliverable) => {
    try {
      await api.team.removeDeliverable(projectId, d.id);
      await raci.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return {
    raci,
    error,
    clearError: () => setError(undefined),
    pending,
    form,
    adding,
    letters,
    rows,
    issuesByDeliverable,
    setCell,
    addDeliverable,
    removeDeliverable,
  };
}
