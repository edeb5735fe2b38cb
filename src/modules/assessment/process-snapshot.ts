import type { DbExecutor } from '../../db/connection';
import type { DocBlock } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';

// CONTRACT (owner: assessment module). Other modules (blueprint versions and document, the reports)
// depend on these exact names and shapes; implement the bodies, keep the signatures.

/** Bottleneck types of the method: 纸质审批, 信息孤岛, 重复录入, 等待, 返工. */
export const BOTTLENECK_TYPES = ['paper_approval', 'information_silo', 'rekeying', 'waiting', 'rework'] as const;
export type BottleneckType = (typeof BOTTLENECK_TYPES)[number];

export type ProcessStage = 'as_is' | 'to_be';

export interface BottleneckSnapshot {
  /** BPMN element id of the step. */
  elementId: string;
  stepName: string;
  type: BottleneckType;
  /** Measured duration per case, in hours. */
  durationHours: number;
  /** Cases per month. */
  volumePerMonth: number;
  /** Cost per month in CNY, as the assessment module computes it. */
  monthlyCost: number;
  note: string;
}

/** A process map as stored, enough to redraw it and describe it in a document. */
export interface ProcessSnapshot {
  id: string;
  stage: ProcessStage;
  department: string;
  name: string;
  description: string;
  bpmnXml: string;
  /** Flow nodes (tasks, events, gateways) with their names, in document order. */
  steps: { elementId: string; name: string; type: string }[];
  bottlenecks: BottleneckSnapshot[];
}

/** All process maps of a stage, ordered by department then name. */
export async function getProcessSnapshots(db: DbExecutor, projectId: string, stage: ProcessStage): Promise<ProcessSnapshot[]> {
  void db;
  void projectId;
  void stage;
  throw new Error('SCAFFOLD: getProcessSnapshots is implemented by the assessment module');
}

/** Document blocks describing processes: per process a heading, the diagram (bottlenecks highlighted) and a bottleneck table. */
export function buildProcessReportBlocks(processes: ProcessSnapshot[], locale: Locale): DocBlock[] {
  void processes;
  void locale;
  throw new Error('SCAFFOLD: buildProcessReportBlocks is implemented by the assessment module');
}
