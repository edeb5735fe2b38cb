import type { DocBlock } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';
import type { RankedBottleneck } from './current-state-chapters';
import type { CurrentStateData } from './current-state-report';
import { CURRENT_STATE_TEXT, money } from './current-state-text';
import { BOTTLENECK_TYPE_LABELS } from './process-snapshot';

/**
 * Chapter 6 结论与建议, computed from the data: the costliest bottlenecks, failing environment items,
 * weak data assets and the role headcount by kind.
 */
export function conclusionChapter(data: CurrentStateData, bottlenecks: RankedBottleneck[], locale: Locale): DocBlock[] {
  const t = CURRENT_STATE_TEXT[locale];
  const typeLabels = BOTTLENECK_TYPE_LABELS[locale];
  const blocks: DocBlock[] = [{ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t.ch6 }];
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
  return blocks;
}
