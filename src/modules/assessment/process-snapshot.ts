import type { DbExecutor } from '../../db/connection';
import { renderBpmnImage } from '../../documents/bpmn-image';
import type { DocBlock, TableCell } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';
import type { BottleneckType, ProcessStage } from './bottleneck-types';
import { listProcessViews } from './process.service';

// CONTRACT (owner: assessment module). Other modules (blueprint versions and document, the reports)
// depend on these exact names and shapes; implement the bodies, keep the signatures.

/** Bottleneck types of the method: 纸质审批, 信息孤岛, 重复录入, 等待, 返工. */
export { BOTTLENECK_TYPES } from './bottleneck-types';
export type { BottleneckType, ProcessStage } from './bottleneck-types';

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
  const views = await listProcessViews(db, projectId, stage);
  return views.map((v) => ({
    id: v.id,
    stage: v.stage,
    department: v.department,
    name: v.name,
    description: v.description,
    bpmnXml: v.bpmnXml,
    steps: v.steps,
    bottlenecks: v.bottlenecks.map((b) => ({
      elementId: b.elementId,
      stepName: b.stepName,
      type: b.type,
      durationHours: b.durationHours,
      volumePerMonth: b.volumePerMonth,
      monthlyCost: b.monthlyCost,
      note: b.note,
    })),
  }));
}

/** Localized bottleneck type names (the method guide's terms). */
export const BOTTLENECK_TYPE_LABELS: Record<Locale, Record<BottleneckType, string>> = {
  'zh-CN': { paper_approval: '纸质审批', information_silo: '信息孤岛', rekeying: '重复录入', waiting: '等待', rework: '返工' },
  en: {
    paper_approval: 'Paper approval',
    information_silo: 'Information silo',
    rekeying: 'Re-keying',
    waiting: 'Waiting',
    rework: 'Rework',
  },
};

const STEP_TYPE_LABELS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    startEvent: '开始事件',
    endEvent: '结束事件',
    task: '任务',
    userTask: '人工任务',
    manualTask: '手工任务',
    serviceTask: '系统任务',
    sendTask: '发送任务',
    receiveTask: '接收任务',
    exclusiveGateway: '排他网关',
    parallelGateway: '并行网关',
    inclusiveGateway: '包容网关',
    subProcess: '子流程',
  },
  en: {},
};

/** Highlight colour of bottlenecks in diagrams (the same red as the web editor). */
export const BOTTLENECK_COLOR = '#cf1322';

const TEXT = {
  'zh-CN': {
    department: '部门',
    steps: '流程步骤',
    no: '序号',
    step: '步骤',
    type: '类型',
    bottlenecks: '瓶颈',
    duration: '单次耗时（小时）',
    volume: '月业务量',
    cost: '月成本（元）',
    note: '说明',
    noBottleneck: '未标记瓶颈。',
    diagramFailed: '流程图无法绘制：',
    badge: '瓶颈：',
    stepsCaption: '步骤清单',
    none: '暂无流程。',
  },
  en: {
    department: 'Department',
    steps: 'Steps',
    no: 'No.',
    step: 'Step',
    type: 'Type',
    bottlenecks: 'Bottlenecks',
    duration: 'Duration (h)',
    volume: 'Cases / month',
    cost: 'Cost / month (CNY)',
    note: 'Note',
    noBottleneck: 'No bottlenecks marked.',
    diagramFailed: 'The diagram could not be drawn: ',
    badge: 'Bottleneck: ',
    stepsCaption: 'Step list',
    none: 'No processes yet.',
  },
} as const;

function formatMoney(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** Document blocks describing processes: per process a heading, the diagram (bottlenecks highlighted) and a bottleneck table. */
export function buildProcessReportBlocks(processes: ProcessSnapshot[], locale: Locale): DocBlock[] {
  const t = TEXT[locale];
  const typeLabels = BOTTLENECK_TYPE_LABELS[locale];
  const blocks: DocBlock[] = [];
  if (processes.length === 0) return [{ kind: 'paragraph', runs: [t.none], tone: 'note' }];
  const departments = [...new Set(processes.map((p) => p.department))];
  for (const department of departments) {
    blocks.push({ kind: 'heading', level: 2, text: department });
    for (const process of processes.filter((p) => p.department === department)) {
      blocks.push({ kind: 'heading', level: 3, text: process.name });
      if (process.description) blocks.push({ kind: 'paragraph', runs: [process.description] });
      try {
        const image = renderBpmnImage(process.bpmnXml, {
          highlights: process.bottlenecks.map((b) => ({
            elementId: b.elementId,
            color: BOTTLENECK_COLOR,
            label: `${t.badge}${typeLabels[b.type]}`,
          })),
          maxWidthPx: 1200,
        });
        blocks.push({
          kind: 'image',
          png: image.png,
          svg: image.svg,
          widthPx: image.widthPx,
          heightPx: image.heightPx,
          alt: process.name,
          caption: `${department} · ${process.name}`,
        });
      } catch (error) {
        blocks.push({
          kind: 'paragraph',
          runs: [`${t.diagramFailed}${error instanceof Error ? error.message : String(error)}`],
          tone: 'warning',
        });
      }
      const bottleneckIds = new Set(process.bottlenecks.map((b) => b.elementId));
      const stepRows = process.steps.filter((s) => s.type !== 'sequenceFlow');
      const rows: TableCell[][] = stepRows.map((s, i) => [i + 1, s.name || s.elementId, STEP_TYPE_LABELS[locale][s.type] ?? s.type]);
      blocks.push({
        kind: 'table',
        caption: t.stepsCaption,
        columns: [
          { title: t.no, width: 1, align: 'center' },
          { title: t.step, width: 6 },
          { title: t.type, width: 3 },
        ],
        rows,
        highlightRows: stepRows.map((s, i) => (bottleneckIds.has(s.elementId) ? i : -1)).filter((i) => i >= 0),
      });
      if (process.bottlenecks.length === 0) {
        blocks.push({ kind: 'paragraph', runs: [t.noBottleneck], tone: 'note' });
        continue;
      }
      blocks.push({
        kind: 'table',
        caption: t.bottlenecks,
        columns: [
          { title: t.step, width: 4 },
          { title: t.type, width: 2 },
          { title: t.duration, width: 2, align: 'right' },
          { title: t.volume, width: 2, align: 'right' },
          { title: t.cost, width: 2, align: 'right' },
          { title: t.note, width: 5 },
        ],
        rows: process.bottlenecks.map((b) => [
          b.stepName,
          [{ text: typeLabels[b.type], bold: true, color: BOTTLENECK_COLOR }],
          b.durationHours,
          b.volumePerMonth,
          formatMoney(b.monthlyCost),
          b.note,
        ]),
      });
    }
  }
  return blocks;
}
