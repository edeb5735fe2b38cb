import type { Locale } from '../../shared/app-error';
import type { RiskSettings } from './risk.schema';
import type { RiskFacts } from './risk-facts';
import { daysBetween, list, pct, type IndicatorDraft } from './indicator-draft';

/** Goal attainment: SMART goals and KPI progress against the time elapsed. */
export function goals(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
  const link = [{ label: locale === 'zh-CN' ? '目标' : 'Goals', href: 'goals' }];
  if (f.goals.length === 0) {
    return [
      {
        code: 'goals.defined',
        level: 'critical',
        value: 0,
        message: {
          zh: '尚未设定项目目标：成功的实施始于清晰、可量化的目标。',
          en: 'No project goal is set: a successful implementation starts with clear, measurable goals.',
        },
        evidence: link,
      },
    ];
  }
  const out: IndicatorDraft[] = [];
  const notSmart = f.goals.filter((g) => !g.smartOk);
  out.push({
    code: 'goals.smart',
    level: notSmart.length === 0 ? 'ok' : notSmart.length * 2 > f.goals.length ? 'warning' : 'watch',
    value: notSmart.length,
    message:
      notSmart.length === 0
        ? { zh: `全部 ${f.goals.length} 个目标符合 SMART 原则。`, en: `All ${f.goals.length} goals are SMART.` }
        : {
            zh: `${notSmart.length} / ${f.goals.length} 个目标不符合 SMART 原则。`,
            en: `${notSmart.length} of ${f.goals.length} goals are not SMART.`,
          },
    evidence: notSmart.length ? link : [],
  });
  // A goal's time frame runs from the project start (or the goal's creation) to its deadline; progress
  // trailing the elapsed share of that frame by more than the threshold is a lag.
  const lags: { statement: string; lag: number }[] = [];
  for (const g of f.goals) {
    if (g.progress === null || !g.deadline) continue;
    const start = f.projectStartDate ?? g.createdOn;
    const span = daysBetween(start, g.deadline);
    if (span <= 0) continue;
    const elapsed = Math.min(1, Math.max(0, daysBetween(start, f.today) / span));
    lags.push({ statement: g.statement, lag: elapsed - g.progress });
  }
  if (lags.length) {
    const behind = lags.filter((l) => l.lag > s.goalLagWarn).sort((a, b) => b.lag - a.lag);
    const worst = Math.max(...lags.map((l) => l.lag));
    out.push({
      code: 'goals.behind',
      level: worst > s.goalLagCritical ? 'critical' : worst > s.goalLagWarn ? 'warning' : 'ok',
      value: Math.max(0, worst),
      message:
        behind.length === 0
          ? {
              zh: `有实际值的 ${lags.length} 个 KPI 进度都跟上了时间进度。`,
              en: `The ${lags.length} KPI(s) with actuals keep pace with the time elapsed.`,
            }
          : {
              zh: `${behind.length} 个 KPI 落后于时间进度超过 ${pct(s.goalLagWarn)}，最多落后 ${pct(worst)}：${list(
                behind.map((b) => b.statement),
                'zh-CN',
                3,
              )}。`,
              en: `${behind.length} KPI(s) trail the time elapsed by more than ${pct(s.goalLagWarn)}, at most ${pct(worst)}: ${list(
                behind.map((b) => b.statement),
                'en',
                3,
              )}.`,
            },
      evidence: behind.length ? link : [],
    });
  } else {
    out.push({
      code: 'goals.behind',
      level: 'no_data',
      value: null,
      message: {
        zh: '还没有带期限和实际值的 KPI：进度无从判断。',
        en: 'No KPI has both a deadline and an actual yet: progress cannot be judged.',
      },
      evidence: link,
    });
  }
  return out;
}
