import type { Locale } from '../../shared/app-error';
import type { RiskFacts } from './risk-facts';
import { list, type IndicatorDraft } from './indicator-draft';

/** Risk register: every high risk owned, mitigated and not overdue. */
export function riskRegister(f: RiskFacts, locale: Locale): IndicatorDraft[] {
  const link = [{ label: locale === 'zh-CN' ? '风险登记册' : 'Risk register', href: 'risks?tab=register' }];
  const active = f.risks.filter((r) => r.status === 'open' || r.status === 'mitigating');
  const high = active.filter((r) => r.score >= 15);
  const unmanaged = high.filter((r) => !r.hasOwner || !r.hasMitigation);
  const codes = (rs: { code: string; title: string }[], l: Locale) =>
    list(
      rs.map((r) => `${r.code} ${r.title}`),
      l,
      3,
    );
  const out: IndicatorDraft[] = [
    {
      code: 'risk_register.high_open',
      level: high.length === 0 ? 'ok' : unmanaged.length ? 'critical' : 'warning',
      value: high.length,
      message:
        high.length === 0
          ? {
              zh: `没有未关闭的高风险（概率×影响 ≥ 15）；未关闭风险共 ${active.length} 项。`,
              en: `No open high risk (probability × impact ≥ 15); ${active.length} open risk(s) in all.`,
            }
          : unmanaged.length
            ? {
                zh: `${high.length} 项高风险未关闭，其中 ${unmanaged.length} 项没有负责人或应对措施：${codes(unmanaged, 'zh-CN')}。`,
                en: `${high.length} high risk(s) open, ${unmanaged.length} without an owner or a mitigation: ${codes(unmanaged, 'en')}.`,
              }
            : {
                zh: `${high.length} 项高风险正在应对：${codes(high, 'zh-CN')}。`,
                en: `${high.length} high risk(s) being mitigated: ${codes(high, 'en')}.`,
              },
      evidence: high.length ? link : [],
    },
  ];
  const overdue = active.filter((r) => r.dueDate !== null && r.dueDate < f.today);
  out.push({
    code: 'risk_register.overdue',
    level: overdue.length === 0 ? 'ok' : overdue.some((r) => r.score >= 15) ? 'critical' : 'warning',
    value: overdue.length,
    message:
      overdue.length === 0
        ? { zh: '没有逾期未处理的风险。', en: 'No risk is past its due date.' }
        : {
            zh: `${overdue.length} 项风险已过应对期限：${codes(overdue, 'zh-CN')}。`,
            en: `${overdue.length} risk(s) past their due date: ${codes(overdue, 'en')}.`,
          },
    evidence: overdue.length ? link : [],
  });
  return out;
}
