import type { DocBlock, TableCell } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';
import { buildDataAssetReportBlocks } from '../data-assets/data-asset-summary';
import type { CurrentStateData } from './current-state-report';
import { CURRENT_STATE_TEXT, money, STATUS_COLOR, statusCell } from './current-state-text';
import { describeRequirement } from './env-evaluation';
import { BOTTLENECK_TYPE_LABELS, buildProcessReportBlocks, type BottleneckSnapshot, type ProcessSnapshot } from './process-snapshot';

/** A bottleneck with the process it belongs to. */
export type RankedBottleneck = BottleneckSnapshot & { process: ProcessSnapshot };

/** Every bottleneck of every process, highest monthly cost first. */
export function rankBottlenecks(processes: ProcessSnapshot[]): RankedBottleneck[] {
  return processes.flatMap((p) => p.bottlenecks.map((b) => ({ ...b, process: p }))).sort((a, b) => b.monthlyCost - a.monthlyCost);
}

/** Chapter 1 项目概况: the project description and the headline counts. */
export function overviewChapter(data: CurrentStateData, bottlenecks: RankedBottleneck[], locale: Locale): DocBlock[] {
  const t = CURRENT_STATE_TEXT[locale];
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: t.ch1 }];
  if (data.project.description) blocks.push({ kind: 'paragraph', runs: [data.project.description] });
  blocks.push({
    kind: 'paragraph',
    runs: [t.overview(data.processes.length, bottlenecks.length, data.roles.length, data.environment.sites.length)],
  });
  return blocks;
}

/** Chapter 2 业务流程现状: the cost formula, the bottleneck summary table and each process. */
export function processChapter(data: CurrentStateData, bottlenecks: RankedBottleneck[], locale: Locale): DocBlock[] {
  const t = CURRENT_STATE_TEXT[locale];
  const typeLabels = BOTTLENECK_TYPE_LABELS[locale];
  const blocks: DocBlock[] = [{ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch2 }];
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
  return blocks;
}

/** Chapter 3 数据资产, only when there are assets. */
export function dataAssetChapter(data: CurrentStateData, locale: Locale): DocBlock[] {
  if (data.dataAssets.length === 0) return [];
  const t = CURRENT_STATE_TEXT[locale];
  return [{ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch3 }, ...buildDataAssetReportBlocks(data.dataAssets, locale)];
}

/** Chapter 4 用户角色: the role table. */
export function roleChapter(data: CurrentStateData, locale: Locale): DocBlock[] {
  const t = CURRENT_STATE_TEXT[locale];
  const blocks: DocBlock[] = [{ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch4 }];
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
  return blocks;
}

/** Chapter 5 技术环境: the ERP requirements, each site's results and the client probes. */
export function environmentChapter(data: CurrentStateData, locale: Locale): DocBlock[] {
  const t = CURRENT_STATE_TEXT[locale];
  const blocks: DocBlock[] = [{ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch5 }];
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
  blocks.push(...probeBlocks(data, locale));
  return blocks;
}

function probeBlocks(data: CurrentStateData, locale: Locale): DocBlock[] {
  const t = CURRENT_STATE_TEXT[locale];
  const heading: DocBlock = { kind: 'heading', level: 2, text: t.probes };
  if (data.probes.length === 0) return [heading, { kind: 'paragraph', runs: [t.noProbes], tone: 'note' }];
  return [
    heading,
    {
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
    },
  ];
}
