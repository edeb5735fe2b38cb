import type { DbExecutor } from '../../db/connection';
import type { DocBlock } from '../../documents/document-model';
import type { SourceProfile } from '../../engines/profile/profile-types';
import type { Locale } from '../../shared/app-error';
import { memberNamesById } from '../team/team-contract';
import { latestSucceededProfileRunsByAsset } from './data-asset-profile-run.repository';
import { listAssetRows } from './data-asset.repository';

// CONTRACT (owner: data-assets module). The Current State Analysis Report depends on these exact
// names and shapes; implement the bodies, keep the signatures.

/** One registered data asset with its latest profile, as the current-state report summarises it. */
export interface DataAssetSummary {
  id: string;
  name: string;
  businessOwner: string;
  systemOfOrigin: string;
  storage: string;
  format: string;
  /** From the latest profile run; null when never profiled. */
  rows: number | null;
  columns: number | null;
  /** 0–100, null when never profiled. */
  qualityScore: number | null;
  /** Share of null/empty cells over all cells, 0–1. */
  missingRatio: number | null;
  profiledAt: string | null;
  /** The main quality findings, localized, most important first. */
  findings: string[];
}

const MAX_FINDINGS = 5;

/** The findings of a profile: the source's score reasons (column-prefixed, duplicate keys included) by cost. */
function profileFindings(profile: SourceProfile, locale: Locale): string[] {
  const zh = locale === 'zh-CN';
  const findings: { penalty: number; text: string }[] = [];
  for (const reason of profile.quality.reasons) {
    const text = zh ? reason.zh : reason.en;
    findings.push({ penalty: reason.penalty, text: reason.column && !text.includes(reason.column) ? `${reason.column}: ${text}` : text });
  }
  const seen = new Set<string>();
  return findings
    .sort((a, b) => b.penalty - a.penalty)
    .map((f) => f.text)
    .filter((t) => (seen.has(t) ? false : (seen.add(t), true)))
    .slice(0, MAX_FINDINGS);
}

/** Every data asset of the project with its latest profile. */
export async function summarizeDataAssets(db: DbExecutor, projectId: string, locale: Locale): Promise<DataAssetSummary[]> {
  const assets = await listAssetRows(db, projectId);
  if (!assets.length) return [];
  const latest = await latestSucceededProfileRunsByAsset(db, projectId);
  const memberName = await memberNamesById(db, projectId);
  return assets.map((asset) => {
    const run = latest.get(asset.id);
    let findings: string[] = [];
    if (run?.result) {
      try {
        findings = profileFindings(JSON.parse(run.result) as SourceProfile, locale);
      } catch {
        findings = [];
      }
    } else findings = [locale === 'zh-CN' ? '尚未剖析' : 'not profiled yet'];
    return {
      id: asset.id,
      name: asset.name,
      businessOwner: memberName.get(asset.business_owner) ?? asset.business_owner,
      systemOfOrigin: asset.system_of_origin,
      storage: asset.storage,
      format: asset.format,
      rows: run ? Number(run.rows) : null,
      columns: run ? Number(run.columns) : null,
      qualityScore: run?.quality_score ?? null,
      missingRatio: run?.missing_ratio ?? null,
      profiledAt: run ? (run.finished_at ?? run.created_at) : null,
      findings,
    };
  });
}

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** Document blocks: the inventory table and the quality summary (empty array when there are no assets). */
export function buildDataAssetReportBlocks(assets: DataAssetSummary[], locale: Locale): DocBlock[] {
  if (!assets.length) return [];
  const zh = locale === 'zh-CN';
  const headers = zh
    ? ['数据资产', '业务负责人', '来源系统', '格式', '行数', '缺失率', '质量评分']
    : ['Data asset', 'Business owner', 'System of origin', 'Format', 'Rows', 'Missing', 'Quality score'];
  const rows = assets.map((a) => [
    a.name,
    a.businessOwner || '—',
    a.systemOfOrigin || '—',
    a.format,
    a.rows === null ? '—' : a.rows.toLocaleString('en-US'),
    percent(a.missingRatio),
    a.qualityScore === null ? '—' : a.qualityScore.toFixed(1),
  ]);
  const scored = assets.filter((a) => a.qualityScore !== null);
  const average = scored.length ? scored.reduce((s, a) => s + (a.qualityScore ?? 0), 0) / scored.length : null;
  const weakest = [...scored].sort((a, b) => (a.qualityScore ?? 0) - (b.qualityScore ?? 0))[0];
  const intro = zh
    ? `共登记 ${assets.length} 项数据资产，已剖析 ${scored.length} 项` +
      (average !== null ? `，平均质量评分 ${average.toFixed(1)}` : '') +
      (weakest ? `；质量最弱的是「${weakest.name}」（${weakest.qualityScore?.toFixed(1)} 分）。` : '。')
    : `${assets.length} data assets registered, ${scored.length} profiled` +
      (average !== null ? `, average quality score ${average.toFixed(1)}` : '') +
      (weakest ? `; the weakest is "${weakest.name}" (${weakest.qualityScore?.toFixed(1)}).` : '.');
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 2, text: zh ? '数据资产与数据质量' : 'Data assets and data quality' },
    { kind: 'paragraph', runs: [intro] },
    {
      kind: 'table',
      columns: headers.map((title, i) => ({ title, ...(i >= 4 ? { align: 'right' as const } : {}) })),
      rows,
      caption: zh ? '数据资产清单（最近一次数据剖析）' : 'Data asset inventory (latest profile)',
      highlightRows: assets.flatMap((a, i) => (a.qualityScore !== null && a.qualityScore < 70 ? [i] : [])),
    },
  ];
  const bullets = assets.flatMap((a) => a.findings.slice(0, 3).map((f) => [{ text: `${a.name}${zh ? '：' : ': '}`, bold: true }, f]));
  if (bullets.length) {
    blocks.push({ kind: 'heading', level: 3, text: zh ? '主要质量问题' : 'Main quality findings' });
    blocks.push({ kind: 'bullets', items: bullets });
  }
  return blocks;
}

export { listDataAssetLineage } from './data-asset.repository';
