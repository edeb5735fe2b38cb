import type { Locale } from '../../shared/app-error';
import type { RiskSettings } from './risk.schema';
import type { RiskFacts } from './risk-facts';
import { daysBetween, list, pct, type IndicatorDraft } from './indicator-draft';

/** Change management: weighted stakeholder resistance and how fresh the assessment is. */
export function changeManagement(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
  const link = [{ label: locale === 'zh-CN' ? '干系人支持度' : 'Stakeholder support', href: 'team?tab=stakeholders' }];
  if (f.stakeholders.length === 0) {
    return [
      {
        code: 'change_management.resistance',
        level: 'no_data',
        value: null,
        message: {
          zh: '尚未登记关键干系人及其支持度：无法判断变革阻力。',
          en: 'No key stakeholders and their support are recorded: resistance cannot be judged.',
        },
        evidence: link,
      },
    ];
  }
  const out: IndicatorDraft[] = [];
  const assessed = f.stakeholders.filter((x) => x.support !== null);
  const totalInfluence = assessed.reduce((sum, x) => sum + x.influence, 0);
  const resisting = assessed.filter((x) => (x.support ?? 5) <= 2);
  const resistingInfluence = resisting.reduce((sum, x) => sum + x.influence, 0);
  const shareAgainst = totalInfluence > 0 ? resistingInfluence / totalInfluence : 0;
  out.push({
    code: 'change_management.resistance',
    level:
      assessed.length === 0
        ? 'no_data'
        : shareAgainst >= s.resistanceCriticalShare
          ? 'critical'
          : shareAgainst >= s.resistanceWarnShare
            ? 'warning'
            : shareAgainst > 0
              ? 'watch'
              : 'ok',
    value: assessed.length === 0 ? null : shareAgainst,
    message:
      assessed.length === 0
        ? { zh: '干系人尚未评估支持度。', en: 'No stakeholder support has been assessed yet.' }
        : {
            zh: `按影响力加权，${pct(shareAgainst)} 的干系人反对或抵触变革（预警 ${pct(s.resistanceWarnShare)}，严重 ${pct(
              s.resistanceCriticalShare,
            )}）${
              resisting.length
                ? `：${list(
                    resisting.map((x) => x.name),
                    'zh-CN',
                  )}`
                : ''
            }。`,
            en: `Weighted by influence, ${pct(shareAgainst)} of stakeholders oppose or resist the change (warning ${pct(
              s.resistanceWarnShare,
            )}, critical ${pct(s.resistanceCriticalShare)})${
              resisting.length
                ? `: ${list(
                    resisting.map((x) => x.name),
                    'en',
                  )}`
                : ''
            }.`,
          },
    evidence: link,
  });
  const keyResistors = assessed.filter((x) => x.influence >= 4 && (x.support ?? 5) <= 2);
  out.push({
    code: 'change_management.key_resistors',
    level: keyResistors.length === 0 ? 'ok' : keyResistors.length >= 2 ? 'critical' : 'warning',
    value: keyResistors.length,
    message:
      keyResistors.length === 0
        ? { zh: '没有高影响力（4–5）的干系人反对变革。', en: 'No high-influence (4–5) stakeholder opposes the change.' }
        : {
            zh: `高影响力干系人反对变革：${list(
              keyResistors.map((x) => x.name),
              'zh-CN',
            )}。需要一对一沟通与疏导。`,
            en: `High-influence stakeholders oppose the change: ${list(
              keyResistors.map((x) => x.name),
              'en',
            )}. They need one-to-one communication.`,
          },
    evidence: keyResistors.length ? link : [],
  });
  const stale = f.stakeholders.filter((x) => x.assessedOn === null || daysBetween(x.assessedOn, f.today) > s.assessmentStaleDays);
  out.push({
    code: 'change_management.stale_assessments',
    level: stale.length === 0 ? 'ok' : 'watch',
    value: stale.length,
    message:
      stale.length === 0
        ? {
            zh: `所有干系人的支持度都在 ${s.assessmentStaleDays} 天内评估过。`,
            en: `Every stakeholder's support was assessed within ${s.assessmentStaleDays} days.`,
          }
        : {
            zh: `${stale.length} 位干系人的支持度超过 ${s.assessmentStaleDays} 天未评估或从未评估：${list(
              stale.map((x) => x.name),
              'zh-CN',
            )}。`,
            en: `${stale.length} stakeholder(s) not assessed for more than ${s.assessmentStaleDays} days or never: ${list(
              stale.map((x) => x.name),
              'en',
            )}.`,
          },
    evidence: stale.length ? link : [],
  });
  return out;
}
