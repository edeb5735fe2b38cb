import type { Db, DbExecutor } from '../../db/connection';
import type { DocBlock, ReportDocument, TableCell } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import { buildDataAssetReportBlocks, summarizeDataAssets, type DataAssetSummary } from '../data-assets/data-asset-summary';
import { getProjectRow } from '../projects/project.service';
import { describeRequirement } from './env-evaluation';
import { getEnvironment, listProbes, type EnvironmentView, type ProbeView } from './environment.service';
import { BOTTLENECK_TYPE_LABELS, buildProcessReportBlocks, getProcessSnapshots, type ProcessSnapshot } from './process-snapshot';
import { getAssessmentSettings } from './process.service';
import { listRoles, type RoleView } from './role.service';

/**
 * The data a current-state report is made of, as plain JSON: a report version stores this
 * snapshot, so downloading an old version redraws exactly what was true when it was created.
 */
export interface CurrentStateData {
  project: {
    name: string;
    clientName: string;
    erpProduct: string;
    erpVersion: string;
    startDate: string | null;
    plannedGoLive: string | null;
    description: string;
  };
  hourlyLabourCost: number;
  currency: string;
  processes: ProcessSnapshot[];
  dataAssets: DataAssetSummary[];
  roles: RoleView[];
  environment: EnvironmentView;
  probes: ProbeView[];
  collectedAt: string;
}

/** Collects everything the report shows, at this moment. */
export async function collectCurrentStateData(db: DbExecutor, projectId: string, locale: Locale): Promise<CurrentStateData> {
  const project = await getProjectRow(db, projectId);
  const settings = await getAssessmentSettings(db, projectId);
  return {
    project: {
      name: project.name,
      clientName: project.client_name,
      erpProduct: project.erp_product,
      erpVersion: project.erp_version,
      startDate: project.start_date,
      plannedGoLive: project.planned_go_live,
      description: project.description,
    },
    hourlyLabourCost: settings.hourlyLabourCost,
    currency: settings.currency,
    processes: await getProcessSnapshots(db, projectId, 'as_is'),
    dataAssets: await summarizeDataAssets(db, projectId, locale),
    roles: await listRoles(db, projectId),
    environment: await getEnvironment(db, projectId, locale),
    probes: (await listProbes(db, projectId, locale)).slice(0, 50),
    collectedAt: nowIso(),
  };
}

const TEXT = {
  'zh-CN': {
    title: '现状分析报告',
    subtitle: '调研阶段交付物',
    client: '客户',
    erp: 'ERP 产品',
    period: '项目周期',
    collected: '数据截至',
    ch1: '项目概况',
    ch2: '业务流程现状',
    ch3: '数据资产',
    ch4: '用户角色',
    ch5: '技术环境',
    ch6: '结论与建议',
    overview: (p: number, b: number, r: number, s: number) =>
      `本次调研梳理现状流程 ${p} 个，识别瓶颈 ${b} 处，登记用户角色 ${r} 类，检查站点 ${s} 个。`,
    costFormula: (rate: number, cur: string) => `瓶颈月成本 = 单次耗时（小时）× 月业务量 × 人工成本 ${rate} ${cur}/小时。`,
    bottleneckSummary: '瓶颈汇总（按月成本排序）',
    process: '流程',
    step: '步骤',
    type: '类型',
    cost: '月成本（元）',
    department: '部门',
    role: '角色',
    kind: '类别',
    headcount: '人数',
    tasks: '主要工作',
    systems: '当前使用系统',
    noRoles: '尚未登记用户角色。',
    kinds: { operator: '操作员', reviewer: '审核员', administrator: '管理员', other: '其他' } as Record<string, string>,
    profile: 'ERP 环境要求',
    item: '项目',
    requirement: '要求',
    sites: '站点检查结果',
    value: '实际',
    result: '结果',
    note: '说明',
    probes: '客户端探测',
    user: '用户',
    browser: '浏览器',
    screen: '屏幕',
    rtt: '往返延迟（毫秒）',
    download: '下载（Mbps）',
    noSites: '尚未登记站点。',
    noProbes: '尚无客户端探测结果。',
    status: { pass: '通过', warn: '预警', fail: '不通过', unknown: '未记录' } as Record<string, string>,
    topBottlenecks: '优先改进的瓶颈（月成本最高）：',
    bottleneckLine: (b: string, p: string, t: string, c: string) => `${p}「${b}」（${t}），月成本约 ${c} 元`,
    envFailures: '技术环境不满足要求的项目：',
    envLine: (s: string, l: string, v: string, r: string) => `${s}：${l} 实际 ${v}，要求 ${r}`,
    envOk: '各站点技术环境满足要求（或仅有预警）。',
    dataIssues: '数据质量问题：',
    dataLine: (n: string, score: string, f: string) => `${n}（质量分 ${score}）：${f}`,
    roleCounts: (n: number, h: number, by: string) => `用户角色 ${n} 类，共 ${h} 人（${by}），作为培训计划与权限矩阵的输入。`,
    noBottlenecks: '尚未识别瓶颈。',
    total: '合计',
  },
  en: {
    title: 'Current State Analysis Report',
    subtitle: 'Assessment deliverable',
    client: 'Client',
    erp: 'ERP product',
    period: 'Project period',
    collected: 'Data as of',
    ch1: 'Project overview',
    ch2: 'Current business processes',
    ch3: 'Data assets',
    ch4: 'User roles',
    ch5: 'Technical environment',
    ch6: 'Conclusions and recommendations',
    overview: (p: number, b: number, r: number, s: number) =>
      `The assessment mapped ${p} as-is processes, found ${b} bottlenecks, recorded ${r} user roles and checked ${s} sites.`,
    costFormula: (rate: number, cur: string) => `Monthly bottleneck cost = duration (h) × cases per month × labour cost ${rate} ${cur}/h.`,
    bottleneckSummary: 'Bottlenecks by monthly cost',
    process: 'Process',
    step: 'Step',
    type: 'Type',
    cost: 'Cost / month (CNY)',
    department: 'Department',
    role: 'Role',
    kind: 'Kind',
    headcount: 'Headcount',
    tasks: 'Main tasks',
    systems: 'Systems used today',
    noRoles: 'No user roles recorded yet.',
    kinds: { operator: 'Operator', reviewer: 'Reviewer', administrator: 'Administrator', other: 'Other' } as Record<string, string>,
    profile: 'ERP requirements',
    item: 'Item',
    requirement: 'Requirement',
    sites: 'Site results',
    value: 'Actual',
    result: 'Result',
    note: 'Note',
    probes: 'Client probes',
    user: 'User',
    browser: 'Browser',
    screen: 'Screen',
    rtt: 'Round trip (ms)',
    download: 'Download (Mbps)',
    noSites: 'No sites recorded yet.',
    noProbes: 'No client probe results yet.',
    status: { pass: 'Pass', warn: 'Warn', fail: 'Fail', unknown: 'Not recorded' } as Record<string, string>,
    topBottlenecks: 'Bottlenecks to address first (highest monthly cost):',
    bottleneckLine: (b: string, p: string, t: string, c: string) => `${p} "${b}" (${t}), about ${c} CNY per month`,
    envFailures: 'Environment items that fail the requirements:',
    envLine: (s: string, l: string, v: string, r: string) => `${s}: ${l} is ${v}, required ${r}`,
    envOk: 'Every site meets the requirements (or only warns).',
    dataIssues: 'Data quality issues:',
    dataLine: (n: string, score: string, f: string) => `${n} (quality score ${score}): ${f}`,
    roleCounts: (n: number, h: number, by: string) =>
      `${n} user roles, ${h} people (${by}); input to the training plan and the permission matrix.`,
    noBottlenecks: 'No bottlenecks identified yet.',
    total: 'Total',
  },
};

const STATUS_COLOR: Record<string, string> = { pass: '#389e0d', warn: '#d48806', fail: '#cf1322', unknown: '#8c8c8c' };

const money = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

function statusCell(status: string, locale: Locale): TableCell {
  return [{ text: TEXT[locale].status[status] ?? status, bold: true, color: STATUS_COLOR[status] }];
}

/** Turns collected data into the report document (no database access: also used for stored versions). */
export function composeCurrentStateReport(
  data: CurrentStateData,
  options: { locale: Locale; author: string; versionLabel?: string },
): ReportDocument {
  const { locale } = options;
  const t = TEXT[locale];
  const typeLabels = BOTTLENECK_TYPE_LABELS[locale];
  const blocks: DocBlock[] = [];
  const bottlenecks = data.processes
    .flatMap((p) => p.bottlenecks.map((b) => ({ ...b, process: p })))
    .sort((a, b) => b.monthlyCost - a.monthlyCost);

  // 1 项目概况
  blocks.push({ kind: 'heading', level: 1, text: t.ch1 });
  if (data.project.description) blocks.push({ kind: 'paragraph', runs: [data.project.description] });
  blocks.push({
    kind: 'paragraph',
    runs: [t.overview(data.processes.length, bottlenecks.length, data.roles.length, data.environment.sites.length)],
  });

  // 2 业务流程现状
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch2 });
  blocks.push({ kind: 'paragraph', runs: [t.costFormula(data.hourlyLabourCost, data.currency)], tone: 'note' });
  if (bottlenecks.length > 0) {
    const total = bottlenecks.reduce((s, b) => s + b.monthlyCost, 0);
    blocks.push({
      kind: 'table',
      caption: t.bottleneckSummary,
      columns: [
        { title: t.department, width: 2 },
        { title: t.process, width: 3 },
        { title: t.step, width: 3 },
        { title: t.type, width: 2 },
        { title: t.cost, width: 2, align: 'right' },
      ],
      rows: [
        ...bottlenecks.map((b): TableCell[] => [
          b.process.department,
          b.process.name,
          b.stepName,
          typeLabels[b.type],
          money(b.monthlyCost),
        ]),
        [[{ text: t.total, bold: true }], '', '', '', [{ text: money(total), bold: true }]],
      ],
    });
  }
  blocks.push(...buildProcessReportBlocks(data.processes, locale));

  // 3 数据资产 (only when there are assets)
  if (data.dataAssets.length > 0) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch3 });
    blocks.push(...buildDataAssetReportBlocks(data.dataAssets, locale));
  }

  // 4 用户角色
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch4 });
  if (data.roles.length === 0) blocks.push({ kind: 'paragraph', runs: [t.noRoles], tone: 'note' });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { title: t.department, width: 2 },
        { title: t.role, width: 2 },
        { title: t.kind, width: 2 },
        { title: t.headcount, width: 1, align: 'right' },
        { title: t.tasks, width: 5 },
        { title: t.systems, width: 3 },
      ],
      rows: data.roles.map((r) => [r.department, r.name, t.kinds[r.kind] ?? r.kind, r.headcount, r.mainTasks, r.currentSystems.join('、')]),
    });

  // 5 技术环境
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch5 });
  blocks.push({ kind: 'heading', level: 2, text: t.profile });
  blocks.push({
    kind: 'table',
    columns: [
      { title: t.item, width: 3 },
      { title: t.requirement, width: 5 },
    ],
    rows: data.environment.profile.items.map((req) => [req.label, describeRequirement(req, locale)]),
  });
  blocks.push({ kind: 'heading', level: 2, text: t.sites });
  if (data.environment.sites.length === 0) blocks.push({ kind: 'paragraph', runs: [t.noSites], tone: 'note' });
  for (const site of data.environment.sites) {
    blocks.push({
      kind: 'paragraph',
      runs: [
        { text: `${site.name}：`, bold: true },
        { text: t.status[site.status] ?? site.status, bold: true, color: STATUS_COLOR[site.status] },
      ],
    });
    blocks.push({
      kind: 'table',
      columns: [
        { title: t.item, width: 3 },
        { title: t.requirement, width: 4 },
        { title: t.value, width: 3 },
        { title: t.result, width: 1 },
        { title: t.note, width: 3 },
      ],
      rows: site.items.map((i) => [i.label, i.requirement, i.value, statusCell(i.status, locale), i.message]),
      highlightRows: site.items.map((i, n) => (i.status === 'fail' ? n : -1)).filter((n) => n >= 0),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: t.probes });
  if (data.probes.length === 0) blocks.push({ kind: 'paragraph', runs: [t.noProbes], tone: 'note' });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { title: t.user, width: 2 },
        { title: t.browser, width: 3 },
        { title: t.screen, width: 2 },
        { title: t.rtt, width: 2, align: 'right' },
        { title: t.download, width: 2, align: 'right' },
        { title: t.result, width: 1 },
      ],
      rows: data.probes.map((p) => [
        p.siteName ? `${p.submittedBy}（${p.siteName}）` : p.submittedBy,
        `${p.browserName} ${p.browserVersion}`,
        `${p.screenWidth}×${p.screenHeight} @${p.devicePixelRatio}x`,
        p.rttMedianMs,
        p.downloadMbps === null ? '—' : p.downloadMbps,
        statusCell(p.status, locale),
      ]),
    });

  // 6 结论与建议 (computed)
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch6 });
  if (bottlenecks.length === 0) blocks.push({ kind: 'paragraph', runs: [t.noBottlenecks] });
  else {
    blocks.push({ kind: 'paragraph', runs: [{ text: t.topBottlenecks, bold: true }] });
    blocks.push({
      kind: 'bullets',
      items: bottlenecks.slice(0, 5).map((b) => [t.bottleneckLine(b.stepName, b.process.name, typeLabels[b.type], money(b.monthlyCost))]),
    });
  }
  const failures = data.environment.sites.flatMap((s) =>
    s.items.filter((i) => i.status === 'fail').map((i) => ({ site: s.name, item: i })),
  );
  if (failures.length === 0) blocks.push({ kind: 'paragraph', runs: [t.envOk] });
  else {
    blocks.push({ kind: 'paragraph', runs: [{ text: t.envFailures, bold: true }] });
    blocks.push({
      kind: 'bullets',
      items: failures.map((f) => [t.envLine(f.site, f.item.label, f.item.value ?? '—', f.item.requirement)]),
    });
  }
  const weakAssets = data.dataAssets.filter((a) => a.findings.length > 0 || (a.qualityScore !== null && a.qualityScore < 80));
  if (weakAssets.length > 0) {
    blocks.push({ kind: 'paragraph', runs: [{ text: t.dataIssues, bold: true }] });
    blocks.push({
      kind: 'bullets',
      items: weakAssets
        .slice(0, 10)
        .map((a) => [
          t.dataLine(a.name, a.qualityScore === null ? '—' : String(Math.round(a.qualityScore)), a.findings.slice(0, 2).join('；') || '—'),
        ]),
    });
  }
  if (data.roles.length > 0) {
    const byKind = new Map<string, number>();
    for (const r of data.roles) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.headcount);
    const by = [...byKind.entries()].map(([k, n]) => `${t.kinds[k] ?? k} ${n}`).join(locale === 'zh-CN' ? '，' : ', ');
    blocks.push({
      kind: 'paragraph',
      runs: [
        t.roleCounts(
          data.roles.length,
          data.roles.reduce((s, r) => s + r.headcount, 0),
          by,
        ),
      ],
    });
  }

  const period = [data.project.startDate, data.project.plannedGoLive].filter(Boolean).join(' — ');
  return {
    title: t.title,
    subtitle: t.subtitle,
    projectName: data.project.name,
    versionLabel: options.versionLabel ?? (locale === 'zh-CN' ? '草稿' : 'Draft'),
    generatedAt: nowIso(),
    author: options.author,
    locale,
    coverFacts: [
      [t.client, data.project.clientName],
      [t.erp, `${data.project.erpProduct} ${data.project.erpVersion}`.trim()],
      ...(period ? ([[t.period, period]] as [string, string][]) : []),
      [t.collected, data.collectedAt.slice(0, 16).replace('T', ' ')],
    ],
    blocks,
  };
}

// CONTRACT (owner: assessment module). Used by the report routes and `golive report current-state`.

/**
 * Builds the Current State Analysis Report (现状分析报告) from the project's current data: processes
 * with diagrams and bottlenecks, the data inventory and quality summary when present, user roles,
 * environment results and conclusions.
 */
export async function buildCurrentStateReport(
  db: Db,
  projectId: string,
  options: { locale: Locale; author: string; versionLabel?: string },
): Promise<ReportDocument> {
  const data = await collectCurrentStateData(db.kysely, projectId, options.locale);
  return composeCurrentStateReport(data, options);
}
