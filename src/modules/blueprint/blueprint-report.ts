import { Resvg } from '@resvg/resvg-js';
import type { Db } from '../../db/connection';
import type { DocBlock, ReportDocument, TableCell } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import { buildProcessReportBlocks } from '../assessment/process-snapshot';
import { getProjectRow, parseModulesInScope } from '../projects/project.service';
import { APPROVAL_LABELS, CONFIG_KIND_LABELS, labelOf, MODULE_LABELS, PRIORITY_LABELS, RESOLUTION_LABELS } from './blueprint-labels';
import type { BlueprintSnapshot, SnapshotRequirement } from './blueprint-snapshot';
import { takeBlueprintSnapshot } from './blueprint-snapshot';
import { getVersion, findLatestVersionRow, versionLabel, type VersionView } from './blueprint-version.service';
import { computeCustomisationMeter } from './customisation-meter';
import { buildPermissionMatrixReportBlocks } from '../erp-permissions/erp-permission-matrix-snapshot';
import { readPrototypeImage } from './prototype.service';

// Document texts in both languages; the builder picks one.
const TEXT = {
  title: { 'zh-CN': '系统蓝图设计文档', en: 'System Blueprint Design Document' },
  draft: { 'zh-CN': '工作草稿（未形成版本）', en: 'Working draft (no version yet)' },
  approved: { 'zh-CN': '已签核', en: 'signed off' },
  pending: { 'zh-CN': '待签核', en: 'awaiting sign-off' },
  client: { 'zh-CN': '客户', en: 'Client' },
  erp: { 'zh-CN': 'ERP 产品', en: 'ERP product' },
  status: { 'zh-CN': '签核状态', en: 'Sign-off status' },
  clientSigner: { 'zh-CN': '客户方签核', en: 'Client sign-off' },
  implementerSigner: { 'zh-CN': '实施方签核', en: 'Implementer sign-off' },
  notSigned: { 'zh-CN': '未签核', en: 'not signed' },
  frozenAt: { 'zh-CN': '内容冻结时间', en: 'Content frozen at' },
  intro: {
    'zh-CN':
      '本文档描述系统上线后的目标状态：功能清单（需求与解决方式）、目标流程、权限矩阵、界面原型与定制开发清单。遵循“流程优化优先于功能开发”的原则：能通过调整流程或配置（自定义字段、工作流、报表、打印模板、参数）满足的需求不做二次开发；定制开发仅限核心竞争力相关需求，须经项目领导小组批准。经双方确认后进入实施阶段。',
    en: 'This document describes the target state after go-live: the function list (requirements and how each is met), to-be processes, the permission matrix, UI prototypes and the list of custom development. Principle: adapt the process before changing the software — what process change or configuration (custom fields, workflows, reports, print templates, parameters) can meet is not custom-developed; custom development is limited to core competitiveness and approved by the steering committee. Implementation starts once both parties have signed.',
  },
  ch1: { 'zh-CN': '功能清单', en: 'Function list' },
  ch1Summary: {
    'zh-CN': '共 {total} 项需求：标准功能 {standard} 项，流程变革 {process} 项，配置 {config} 项，定制开发 {custom} 项。',
    en: '{total} requirements: {standard} standard, {process} process change, {config} configuration, {custom} custom development.',
  },
  ch2: { 'zh-CN': '目标流程', en: 'To-be processes' },
  ch3: { 'zh-CN': '权限矩阵', en: 'Permission matrix' },
  ch4: { 'zh-CN': '界面原型', en: 'UI prototypes' },
  ch5: { 'zh-CN': '定制开发清单', en: 'Custom development' },
  meterHeading: { 'zh-CN': '定制化程度', en: 'Degree of customisation' },
  meterNote: {
    'zh-CN': '阈值：每个模块定制开发占比不超过 {share}，工作量不超过 {effort} 人天（“本期不做”的需求不计入）。',
    en: "Thresholds: per module at most {share} of requirements and {effort} person-days as custom development (won't-have items excluded).",
  },
  signoffs: { 'zh-CN': '签核记录', en: 'Sign-off' },
  none: { 'zh-CN': '无。', en: 'None.' },
  noneInModule: { 'zh-CN': '本模块尚无需求。', en: 'No requirements in this module yet.' },
  outOfScope: { 'zh-CN': '项目范围之外的需求', en: 'Requirements outside the project scope' },
  outOfScopeNote: {
    'zh-CN': '以下 {count} 项需求属于项目范围之外的模块（{modules}）：请调整其模块、标为“本期不做”，或扩大项目范围。',
    en: "These {count} requirements belong to modules outside the project scope ({modules}): change their module, mark them won't-have, or extend the scope.",
  },
  noneCustom: { 'zh-CN': '本蓝图没有定制开发项。', en: 'This blueprint has no custom development.' },
  code: { 'zh-CN': '编号', en: 'Code' },
  requirement: { 'zh-CN': '需求名称', en: 'Requirement' },
  step: { 'zh-CN': '流程环节', en: 'Process step' },
  priority: { 'zh-CN': '优先级', en: 'Priority' },
  resolution: { 'zh-CN': '解决方式', en: 'Resolution' },
  note: { 'zh-CN': '说明', en: 'Note' },
  module: { 'zh-CN': '模块', en: 'Module' },
  gap: { 'zh-CN': '差异原因', en: 'Why not process/configuration' },
  justification: { 'zh-CN': '定制理由（核心竞争力）', en: 'Justification (core competitiveness)' },
  effort: { 'zh-CN': '工作量(人天)', en: 'Effort (person-days)' },
  impact: { 'zh-CN': '升级影响', en: 'Upgrade impact' },
  approval: { 'zh-CN': '领导小组审批', en: 'Steering committee' },
  total: { 'zh-CN': '需求数', en: 'Requirements' },
  custom: { 'zh-CN': '定制项', en: 'Custom' },
  share: { 'zh-CN': '定制占比', en: 'Custom share' },
  customEffort: { 'zh-CN': '定制工作量', en: 'Custom effort' },
  effortShare: { 'zh-CN': '工作量占比', en: 'Effort share' },
  verdict: { 'zh-CN': '结论', en: 'Verdict' },
  over: { 'zh-CN': '超过阈值', en: 'over threshold' },
  ok: { 'zh-CN': '正常', en: 'within threshold' },
  all: { 'zh-CN': '合计', en: 'Total' },
  side: { 'zh-CN': '签核方', en: 'Side' },
  signer: { 'zh-CN': '签核人', en: 'Signed by' },
  signedAt: { 'zh-CN': '签核时间', en: 'Signed at' },
  comment: { 'zh-CN': '意见', en: 'Comment' },
  sideClient: { 'zh-CN': '客户方', en: 'Client' },
  sideImplementer: { 'zh-CN': '实施方', en: 'Implementer' },
  prototypeMissing: { 'zh-CN': '（图片已不可用）', en: '(image no longer available)' },
} as const satisfies Record<string, Record<Locale, string>>;

function tx(key: keyof typeof TEXT, locale: Locale, params: Record<string, string | number> = {}): string {
  return TEXT[key][locale].replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w));
}

const pct = (v: number): string => `${(Math.round(v * 1000) / 10).toString()}%`;

/** Largest display width of a prototype in the document (renderers scale to the page). */
const MAX_IMAGE_WIDTH = 600;

/** PNG bytes for the document: PNG as stored, JPEG re-encoded through resvg (DocBlock images are PNG). */
function toPng(mime: string, bytes: Buffer, widthPx: number, heightPx: number): Uint8Array {
  if (mime === 'image/png') return new Uint8Array(bytes);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${widthPx}" height="${heightPx}"><image width="${widthPx}" height="${heightPx}" xlink:href="data:${mime};base64,${bytes.toString('base64')}"/></svg>`;
  return new Uint8Array(new Resvg(svg).render().asPng());
}

function resolutionNote(r: SnapshotRequirement, locale: Locale): string {
  if (r.resolution === 'configuration') return labelOf(CONFIG_KIND_LABELS, r.configKind, locale);
  if (r.resolution === 'process_change') return r.processChangeNote;
  if (r.resolution === 'custom_development') return labelOf(APPROVAL_LABELS, r.approval?.status ?? 'pending', locale);
  return r.description;
}

function requirementTable(items: SnapshotRequirement[], locale: Locale): DocBlock {
  return {
    kind: 'table',
    columns: [
      { title: tx('code', locale), width: 13 },
      { title: tx('requirement', locale), width: 28 },
      { title: tx('step', locale), width: 16 },
      { title: tx('priority', locale), width: 10 },
      { title: tx('resolution', locale), width: 12 },
      { title: tx('note', locale), width: 28 },
    ],
    rows: items.map((r): TableCell[] => [
      r.code,
      r.title,
      r.processStepName || null,
      labelOf(PRIORITY_LABELS, r.priority, locale),
      r.resolution === 'custom_development'
        ? [{ text: labelOf(RESOLUTION_LABELS, r.resolution, locale), bold: true, color: '#cf1322' }]
        : labelOf(RESOLUTION_LABELS, r.resolution, locale),
      resolutionNote(r, locale) || null,
    ]),
    highlightRows: items.flatMap((r, i) => (r.resolution === 'custom_development' ? [i] : [])),
  };
}

/**
 * The function list: one section per business area. With a project scope the sections are the
 * modules in scope (an empty one says so), and requirements of other modules are gathered in a
 * flagged section instead of opening sections for areas the project does not cover; without a
 * scope, the modules that have requirements.
 */
function functionListBlocks(snapshot: BlueprintSnapshot, scope: readonly string[], locale: Locale): DocBlock[] {
  const reqs = snapshot.requirements;
  const count = (res: string) => reqs.filter((r) => r.resolution === res).length;
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: tx('ch1', locale) },
    {
      kind: 'paragraph',
      runs: [
        tx('ch1Summary', locale, {
          total: reqs.length,
          standard: count('standard'),
          process: count('process_change'),
          config: count('configuration'),
          custom: count('custom_development'),
        }),
      ],
    },
  ];
  if (!reqs.length && !scope.length) return [...blocks, { kind: 'paragraph', runs: [tx('none', locale)], tone: 'note' }];
  const modules = scope.length ? scope : [...new Set(reqs.map((r) => r.module))];
  for (const module of modules) {
    const items = reqs.filter((r) => r.module === module);
    blocks.push({ kind: 'heading', level: 2, text: labelOf(MODULE_LABELS, module, locale) });
    blocks.push(items.length ? requirementTable(items, locale) : { kind: 'paragraph', runs: [tx('noneInModule', locale)], tone: 'note' });
  }
  const outside = reqs.filter((r) => !modules.includes(r.module));
  if (outside.length) {
    const names = [...new Set(outside.map((r) => labelOf(MODULE_LABELS, r.module, locale)))].join(locale === 'zh-CN' ? '、' : ', ');
    blocks.push({ kind: 'heading', level: 2, text: tx('outOfScope', locale) });
    blocks.push({ kind: 'paragraph', runs: [tx('outOfScopeNote', locale, { count: outside.length, modules: names })], tone: 'warning' });
    blocks.push(requirementTable(outside, locale));
  }
  return blocks;
}

async function prototypeBlocks(db: Db, projectId: string, snapshot: BlueprintSnapshot, locale: Locale): Promise<DocBlock[]> {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: tx('ch4', locale) }];
  const withImages = snapshot.requirements.filter((r) => r.prototypes.length);
  if (!withImages.length) return [...blocks, { kind: 'paragraph', runs: [tx('none', locale)], tone: 'note' }];
  for (const r of withImages) {
    blocks.push({ kind: 'heading', level: 2, text: `${r.code} ${r.title}` });
    for (const p of r.prototypes) {
      try {
        const image = await readPrototypeImage(db.kysely, projectId, p.id);
        const scale = Math.min(1, MAX_IMAGE_WIDTH / p.widthPx);
        blocks.push({
          kind: 'image',
          png: toPng(image.mime, image.bytes, p.widthPx, p.heightPx),
          widthPx: Math.round(p.widthPx * scale),
          heightPx: Math.round(p.heightPx * scale),
          alt: p.caption || p.fileName,
          caption: p.caption || p.fileName,
        });
      } catch {
        blocks.push({ kind: 'paragraph', runs: [`${p.fileName} ${tx('prototypeMissing', locale)}`], tone: 'warning' });
      }
    }
  }
  return blocks;
}

function customBlocks(snapshot: BlueprintSnapshot, locale: Locale): DocBlock[] {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: tx('ch5', locale) }];
  const custom = snapshot.requirements.filter((r) => r.resolution === 'custom_development');
  if (!custom.length) blocks.push({ kind: 'paragraph', runs: [tx('noneCustom', locale)], tone: 'success' });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { title: tx('code', locale), width: 11 },
        { title: tx('requirement', locale), width: 16 },
        { title: tx('module', locale), width: 7 },
        { title: tx('gap', locale), width: 20 },
        { title: tx('justification', locale), width: 20 },
        { title: tx('effort', locale), width: 8, align: 'right' },
        { title: tx('impact', locale), width: 20 },
        { title: tx('approval', locale), width: 12 },
      ],
      rows: custom.map((r): TableCell[] => {
        const status = r.approval?.status ?? 'pending';
        const approval = `${labelOf(APPROVAL_LABELS, status, locale)}${r.approval?.decidedByName ? `（${r.approval.decidedByName}）` : ''}`;
        return [
          r.code,
          r.title,
          labelOf(MODULE_LABELS, r.module, locale),
          r.gapReason,
          r.justification,
          r.effortDays,
          r.upgradeImpact,
          status === 'approved' ? approval : [{ text: approval, bold: true, color: '#cf1322' }],
        ];
      }),
      highlightRows: custom.flatMap((r, i) => (r.approval?.status === 'approved' ? [] : [i])),
    });
  }
  const meter = computeCustomisationMeter(snapshot.requirements, snapshot.thresholds, locale);
  blocks.push({ kind: 'heading', level: 2, text: tx('meterHeading', locale) });
  blocks.push({
    kind: 'paragraph',
    runs: [tx('meterNote', locale, { share: pct(meter.thresholds.maxCustomShare), effort: meter.thresholds.maxCustomEffortDays })],
    tone: 'note',
  });
  const rows = [...meter.modules, meter.overall];
  blocks.push({
    kind: 'table',
    columns: [
      { title: tx('module', locale), width: 12 },
      { title: tx('total', locale), width: 8, align: 'right' },
      { title: tx('custom', locale), width: 8, align: 'right' },
      { title: tx('share', locale), width: 10, align: 'right' },
      { title: tx('customEffort', locale), width: 10, align: 'right' },
      { title: tx('effortShare', locale), width: 10, align: 'right' },
      { title: tx('verdict', locale), width: 12 },
    ],
    rows: rows.map((m): TableCell[] => {
      const over = m.overShare || m.overEffort;
      return [
        m.module === 'all' ? tx('all', locale) : labelOf(MODULE_LABELS, m.module, locale),
        m.total,
        m.custom,
        pct(m.customShare),
        m.customEffortDays,
        pct(m.customEffortShare),
        over ? [{ text: tx('over', locale), bold: true, color: '#cf1322' }] : tx('ok', locale),
      ];
    }),
    highlightRows: rows.flatMap((m, i) => (m.overShare || m.overEffort ? [i] : [])),
  });
  for (const w of meter.warnings) blocks.push({ kind: 'paragraph', runs: [w.message], tone: 'warning' });
  return blocks;
}

function signoffBlocks(version: VersionView | undefined, locale: Locale): DocBlock[] {
  if (!version) return [];
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: tx('signoffs', locale) }];
  if (!version.signoffs.length) return [...blocks, { kind: 'paragraph', runs: [tx('notSigned', locale)], tone: 'note' }];
  blocks.push({
    kind: 'table',
    columns: [
      { title: tx('side', locale), width: 10 },
      { title: tx('signer', locale), width: 12 },
      { title: tx('signedAt', locale), width: 16 },
      { title: tx('comment', locale), width: 30 },
    ],
    rows: version.signoffs.map((s) => [
      tx(s.side === 'client' ? 'sideClient' : 'sideImplementer', locale),
      s.signerName,
      s.signedAt.replace('T', ' ').slice(0, 16),
      s.comment || null,
    ]),
  });
  return blocks;
}

/**
 * Builds the System Blueprint Design Document (系统蓝图设计文档): function list (fit-gap), to-be
 * processes, permission matrix, prototypes and the customisation list. `versionId` renders a saved
 * version from its snapshot; without it, the latest version (or the working draft when none exists).
 */
export async function buildBlueprintReport(
  db: Db,
  projectId: string,
  options: { locale: Locale; author: string; versionId?: string },
): Promise<ReportDocument> {
  const { locale } = options;
  const project = await getProjectRow(db.kysely, projectId);
  const versionId = options.versionId ?? (await findLatestVersionRow(db.kysely, projectId))?.id;
  const version = versionId ? await getVersion(db.kysely, projectId, versionId, locale) : undefined;
  const snapshot = version ? version.snapshot : await takeBlueprintSnapshot(db.kysely, projectId, locale);
  // Versions frozen before the scope was recorded follow the project's current scope.
  const scope = snapshot.modulesInScope ?? parseModulesInScope(project.modules_in_scope);

  const label = version
    ? `${versionLabel(version.number)}（${tx(version.status === 'approved' ? 'approved' : 'pending', locale)}）`
    : tx('draft', locale);
  const signer = (side: 'client' | 'implementer'): string => {
    const s = version?.signoffs.find((x) => x.side === side);
    return s ? `${s.signerName} ${s.signedAt.slice(0, 10)}` : tx('notSigned', locale);
  };
  const coverFacts: [string, string][] = [
    [tx('client', locale), project.client_name],
    [tx('erp', locale), `${project.erp_product}${project.erp_version ? ` ${project.erp_version}` : ''}`],
    [tx('status', locale), version ? tx(version.status === 'approved' ? 'approved' : 'pending', locale) : tx('draft', locale)],
    [tx('clientSigner', locale), signer('client')],
    [tx('implementerSigner', locale), signer('implementer')],
    [tx('frozenAt', locale), snapshot.takenAt.replace('T', ' ').slice(0, 16)],
  ];

  const processBlocks = snapshot.processes.length
    ? buildProcessReportBlocks(snapshot.processes, locale)
    : [{ kind: 'paragraph' as const, runs: [tx('none', locale)], tone: 'note' as const }];
  const blocks: DocBlock[] = [
    { kind: 'paragraph', runs: [tx('intro', locale)] },
    ...functionListBlocks(snapshot, scope, locale),
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: tx('ch2', locale) },
    ...processBlocks,
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: tx('ch3', locale) },
    ...buildPermissionMatrixReportBlocks(snapshot.permissionMatrix, locale, { modulesInScope: scope }),
    { kind: 'pageBreak' },
    ...(await prototypeBlocks(db, projectId, snapshot, locale)),
    { kind: 'pageBreak' },
    ...customBlocks(snapshot, locale),
    ...signoffBlocks(version, locale),
  ];
  return {
    title: tx('title', locale),
    subtitle: project.client_name,
    projectName: project.name,
    versionLabel: label,
    generatedAt: nowIso(),
    author: options.author,
    locale,
    coverFacts,
    blocks,
  };
}
