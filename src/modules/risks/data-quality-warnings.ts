import type { Locale } from '../../shared/app-error';
import type { RiskSettings } from './risk.schema';
import type { RiskFacts } from './risk-facts';
import { list, pct, type IndicatorDraft } from './indicator-draft';

/** Data quality: data-asset quality scores and the reject ratio of the latest real migration run. */
export function dataQuality(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
  const out: IndicatorDraft[] = [];
  const listLink = { label: locale === 'zh-CN' ? '数据资产' : 'Data assets', href: 'assessment/data-assets' };
  const profiled = f.dataAssets.filter((a): a is typeof a & { qualityScore: number } => a.qualityScore !== null);
  const worst = [...profiled].sort((a, b) => a.qualityScore - b.qualityScore);
  const low = worst.filter((a) => a.qualityScore < s.dataScoreWarn);
  const lowest = worst[0]?.qualityScore ?? null;
  out.push({
    code: 'data_quality.scores',
    level: lowest === null ? 'no_data' : lowest < s.dataScoreCritical ? 'critical' : lowest < s.dataScoreWarn ? 'warning' : 'ok',
    value: lowest,
    message:
      lowest === null
        ? {
            zh: f.dataAssets.length ? '数据资产尚未完成质量分析。' : '尚未登记数据资产：数据质量无从判断。',
            en: f.dataAssets.length
              ? 'No data asset has been profiled yet.'
              : 'No data asset is registered: data quality cannot be judged.',
          }
        : low.length === 0
          ? {
              zh: `所有已分析的数据资产得分不低于 ${s.dataScoreWarn}（最低 ${Math.round(lowest)}）。`,
              en: `Every profiled data asset scores at least ${s.dataScoreWarn} (lowest ${Math.round(lowest)}).`,
            }
          : {
              zh: `${low.length} 项数据资产质量得分低于 ${s.dataScoreWarn}（严重 < ${s.dataScoreCritical}）：${list(
                low.map((a) => `${a.name} ${Math.round(a.qualityScore)}`),
                'zh-CN',
              )}。`,
              en: `${low.length} data asset(s) score below ${s.dataScoreWarn} (critical < ${s.dataScoreCritical}): ${list(
                low.map((a) => `${a.name} ${Math.round(a.qualityScore)}`),
                'en',
              )}.`,
            },
    evidence: low.length ? low.slice(0, 5).map((a) => ({ label: a.name, href: `assessment/data-assets/${a.id}` })) : [listLink],
  });
  const unprofiled = f.dataAssets.filter((a) => a.qualityScore === null);
  if (f.dataAssets.length) {
    out.push({
      code: 'data_quality.unprofiled',
      level: unprofiled.length ? 'watch' : 'ok',
      value: unprofiled.length,
      message: unprofiled.length
        ? {
            zh: `${unprofiled.length} 项数据资产尚未做质量分析：${list(
              unprofiled.map((a) => a.name),
              'zh-CN',
            )}。`,
            en: `${unprofiled.length} data asset(s) have not been profiled: ${list(
              unprofiled.map((a) => a.name),
              'en',
            )}.`,
          }
        : { zh: '所有数据资产都已做质量分析。', en: 'Every data asset has been profiled.' },
      evidence: unprofiled.length ? [listLink] : [],
    });
  }
  const run = f.latestMigrationRun;
  if (run) {
    const ratio = run.sourceRows > 0 ? run.rejectedRows / run.sourceRows : 0;
    out.push({
      code: 'data_quality.rejects',
      level: ratio >= s.rejectRatioCritical ? 'critical' : ratio >= s.rejectRatioWarn ? 'warning' : 'ok',
      value: ratio,
      message: {
        zh: `最近一次正式迁移（第 ${run.number} 次）拒收 ${run.rejectedRows} / ${run.sourceRows} 行 = ${pct(ratio)}（预警 ${pct(
          s.rejectRatioWarn,
        )}，严重 ${pct(s.rejectRatioCritical)}）。`,
        en: `The latest real migration run (#${run.number}) rejected ${run.rejectedRows} of ${run.sourceRows} rows = ${pct(ratio)} (warning ${pct(
          s.rejectRatioWarn,
        )}, critical ${pct(s.rejectRatioCritical)}).`,
      },
      evidence: [{ label: locale === 'zh-CN' ? '数据迁移' : 'Data migration', href: 'cutover/migration' }],
    });
  }
  return out;
}
