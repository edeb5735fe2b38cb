import type { Locale } from '../../shared/app-error';
import {
  HEALTH_DIMENSIONS,
  type DimensionView,
  type Evidence,
  type HealthDimension,
  type RiskSettings,
  type SignalLevel,
} from './risk.schema';
import type { RiskFacts } from './risk-facts';
import { indicatorTitle } from './indicator-catalogue';
import type { IndicatorDraft, Text } from './indicator-draft';
import { executiveBacking } from './executive-backing-warnings';
import { changeManagement } from './change-management-warnings';
import { customisation } from './customisation-warnings';
import { dataQuality } from './data-quality-warnings';
import { goals } from './goal-warnings';
import { riskRegister } from './risk-register-warnings';

/**
 * Early warnings: the method's classic pitfalls read from what the project has recorded elsewhere
 * (team, stakeholders, fit-gap, data assets, migration runs, goals, the risk register). Pure: the facts
 * come in, localized indicators and scores go out, so every rule is a table-driven unit test.
 */

/** Defaults chosen with the method guide: a fifth of weighted influence against the change is a warning. */
export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  resistanceWarnShare: 0.2,
  resistanceCriticalShare: 0.35,
  assessmentStaleDays: 30,
  sponsorInactiveDays: 30,
  approvalWaitDays: 14,
  dataScoreWarn: 80,
  dataScoreCritical: 60,
  rejectRatioWarn: 0.01,
  rejectRatioCritical: 0.05,
  goalLagWarn: 0.15,
  goalLagCritical: 0.3,
  weights: {
    executive_backing: 20,
    change_management: 20,
    customisation: 15,
    data_quality: 15,
    goals: 15,
    risk_register: 15,
  },
};

export type { RiskFacts } from './risk-facts';

/** One evaluated indicator before presentation (no register link, no "new" flag yet). */
export interface EvaluatedIndicator {
  code: string;
  dimension: HealthDimension;
  level: SignalLevel;
  score: number | null;
  value: number | null;
  title: string;
  message: string;
  evidence: Evidence[];
}

/** The evaluation: dimensions with their indicators, and the weighted health score. */
export interface HealthEvaluation {
  score: number | null;
  level: SignalLevel;
  dimensions: (Omit<DimensionView, 'indicators'> & { indicators: EvaluatedIndicator[] })[];
}

const LEVEL_SCORE: Record<Exclude<SignalLevel, 'no_data'>, number> = { ok: 100, watch: 80, warning: 50, critical: 20 };

/**
 * The level of a 0–100 score: ≥ 90 ok, ≥ 65 watch, ≥ 35 warning, below critical. The bands sit around
 * the indicator scores (100, 80, 50, 20), so a dimension shows its worst indicator's level.
 */
export function levelOfScore(score: number | null): SignalLevel {
  if (score === null) return 'no_data';
  if (score >= 90) return 'ok';
  if (score >= 65) return 'watch';
  if (score >= 35) return 'warning';
  return 'critical';
}

/** How bad a level is, for sorting (critical first). */
export function levelRank(level: SignalLevel): number {
  return { critical: 0, warning: 1, watch: 2, ok: 3, no_data: 4 }[level];
}

const DIMENSION_TEXT: Record<HealthDimension, { title: Text; countermeasure: Text }> = {
  executive_backing: {
    title: { zh: '高层背书', en: 'Executive backing' },
    countermeasure: {
      zh: '缺乏高层背书：遇到阻力时无人拍板。应对：让高管亲自参与关键里程碑，展示决心。',
      en: 'Without executive backing nobody decides when resistance comes. Countermeasure: have executives take part in the key milestones in person and show their resolve.',
    },
  },
  change_management: {
    title: { zh: '变革管理', en: 'Change management' },
    countermeasure: {
      zh: '忽视变革管理：员工抵触情绪未被疏导，导致消极应对。应对：开展变革沟通，强调“人机协同”而非“替代人力”。',
      en: 'Ignored change management leaves resistance unaddressed and people disengage. Countermeasure: communicate the change and stress people working with the system, not being replaced by it.',
    },
  },
  customisation: {
    title: { zh: '定制控制', en: 'Customisation control' },
    countermeasure: {
      zh: '过度定制开发：追求完美导致项目失控。应对：坚持“最小可行产品”原则，先上线核心功能，再逐步完善。',
      en: 'Over-customisation in pursuit of perfection makes the project run out of control. Countermeasure: hold to a minimum viable product — go live with the core functions first, then improve step by step.',
    },
  },
  data_quality: {
    title: { zh: '数据质量', en: 'Data quality' },
    countermeasure: {
      zh: '数据质量差：脏数据导入导致系统混乱。应对：实施前清洗数据，建立录入规范，杜绝“垃圾进，垃圾出”。',
      en: 'Dirty data loaded into the new system causes chaos. Countermeasure: cleanse the data before go-live and set entry standards — no "garbage in, garbage out".',
    },
  },
  goals: {
    title: { zh: '目标达成', en: 'Goal attainment' },
    countermeasure: {
      zh: '按SMART原则设定目标（具体、可衡量、可达成、相关性强、时限明确），定期录入KPI实际值，偏离时及时纠偏。',
      en: 'Set goals by the SMART principle (specific, measurable, achievable, relevant, time-bound), record KPI actuals regularly and correct course when they drift.',
    },
  },
  risk_register: {
    title: { zh: '风险登记册', en: 'Risk register' },
    countermeasure: {
      zh: '每个高风险都要有负责人、应对措施和期限；逾期未处理的风险提交项目领导小组。',
      en: 'Every high risk needs an owner, a mitigation and a due date; overdue risks go to the steering committee.',
    },
  },
};

/** The localized title of a dimension. */
export function dimensionTitle(dimension: HealthDimension, locale: Locale): string {
  const t = DIMENSION_TEXT[dimension].title;
  return locale === 'zh-CN' ? t.zh : t.en;
}

/** Evaluates every indicator and scores the project's health. */
export function evaluateHealth(facts: RiskFacts, settings: RiskSettings, locale: Locale): HealthEvaluation {
  const drafts: Record<HealthDimension, IndicatorDraft[]> = {
    executive_backing: executiveBacking(facts, settings, locale),
    change_management: changeManagement(facts, settings, locale),
    customisation: customisation(facts, locale),
    data_quality: dataQuality(facts, settings, locale),
    goals: goals(facts, settings, locale),
    risk_register: riskRegister(facts, locale),
  };
  const zh = locale === 'zh-CN';
  const dimensions = HEALTH_DIMENSIONS.map((code) => {
    const indicators: EvaluatedIndicator[] = drafts[code].map((d) => ({
      code: d.code,
      dimension: code,
      level: d.level,
      score: d.level === 'no_data' ? null : LEVEL_SCORE[d.level],
      value: d.value,
      title: indicatorTitle(d.code, locale),
      message: zh ? d.message.zh : d.message.en,
      evidence: d.evidence ?? [],
    }));
    const scores = indicators.map((i) => i.score).filter((v): v is number => v !== null);
    // The worst indicator sets the dimension: a single critical finding is not averaged away.
    const score = scores.length ? Math.min(...scores) : null;
    const text = DIMENSION_TEXT[code];
    return {
      code,
      title: zh ? text.title.zh : text.title.en,
      score,
      level: levelOfScore(score),
      weight: settings.weights[code],
      countermeasure: zh ? text.countermeasure.zh : text.countermeasure.en,
      indicators,
    };
  });
  const weighted = dimensions.filter((d) => d.score !== null && d.weight > 0);
  const totalWeight = weighted.reduce((sum, d) => sum + d.weight, 0);
  const score = totalWeight > 0 ? Math.round(weighted.reduce((sum, d) => sum + (d.score ?? 0) * d.weight, 0) / totalWeight) : null;
  return { score, level: levelOfScore(score), dimensions };
}
