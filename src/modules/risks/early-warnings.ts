import type { Locale } from '../../shared/app-error';
import {
  HEALTH_DIMENSIONS,
  type DimensionView,
  type Evidence,
  type HealthDimension,
  type RiskSettings,
  type SignalLevel,
} from './risk.schema';

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

/** What the evaluation reads; gathered by `gatherRiskFacts`. */
export interface RiskFacts {
  today: string;
  projectStartDate: string | null;
  sponsors: { name: string; hasAccount: boolean; lastActiveOn: string | null }[];
  stakeholders: { name: string; influence: number; support: number | null; assessedOn: string | null }[];
  /** Null when the fit-gap list has no counted requirement. */
  customisation: {
    customShare: number;
    maxCustomShare: number;
    modulesOver: { module: string; label: string }[];
  } | null;
  pendingApprovals: { code: string; title: string; requestedOn: string }[];
  /** Assets as they stand for migration: a cleaned derivative replaces its source. */
  dataAssets: { id: string; name: string; qualityScore: number | null }[];
  /** The latest real (not simulated) migration run that finished. */
  latestMigrationRun: { number: number; sourceRows: number; rejectedRows: number } | null;
  goals: {
    statement: string;
    smartOk: boolean;
    progress: number | null;
    deadline: string | null;
    createdOn: string;
  }[];
  risks: {
    code: string;
    title: string;
    score: number;
    status: string;
    hasOwner: boolean;
    hasMitigation: boolean;
    dueDate: string | null;
    /** The indicator this line was raised from, if any. */
    sourceIndicator?: string | null;
  }[];
}

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

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);

const pct = (v: number): string => `${(Math.round(v * 1000) / 10).toString()}%`;

type Text = { zh: string; en: string };

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

interface IndicatorDraft {
  code: string;
  level: SignalLevel;
  value: number | null;
  title: Text;
  message: Text;
  evidence?: Evidence[];
}

const list = (names: string[], locale: Locale, max = 5): string => {
  const shown = names.slice(0, max).join(locale === 'zh-CN' ? '、' : ', ');
  const rest = names.length - max;
  if (rest <= 0) return shown;
  return locale === 'zh-CN' ? `${shown} 等 ${names.length} 项` : `${shown} and ${rest} more`;
};

function executiveBacking(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
  const out: IndicatorDraft[] = [];
  const title = { zh: '项目发起人', en: 'Project sponsor' };
  if (f.sponsors.length === 0) {
    out.push({
      code: 'executive_backing.sponsor_named',
      level: 'critical',
      value: 0,
      title,
      message: {
        zh: '团队中没有“发起人”角色的成员：项目领导小组无人牵头，重大争议无人拍板。',
        en: 'No team member has the sponsor role: the steering committee has no head and nobody decides major disputes.',
      },
      evidence: [{ label: locale === 'zh-CN' ? '团队成员' : 'Team members', href: 'team?tab=members' }],
    });
  } else {
    out.push({
      code: 'executive_backing.sponsor_named',
      level: 'ok',
      value: f.sponsors.length,
      title,
      message: {
        zh: `发起人：${list(
          f.sponsors.map((x) => x.name),
          locale,
        )}。`,
        en: `Sponsor: ${list(
          f.sponsors.map((x) => x.name),
          locale,
        )}.`,
      },
    });
    const withAccount = f.sponsors.filter((x) => x.hasAccount);
    const activity = { zh: '发起人参与度', en: 'Sponsor involvement' };
    if (withAccount.length === 0) {
      out.push({
        code: 'executive_backing.sponsor_active',
        level: 'watch',
        value: null,
        title: activity,
        message: {
          zh: '发起人没有 golive 账号：无法在系统中审批定制开发、签署蓝图，参与情况无从记录。',
          en: 'The sponsor has no golive account: they cannot approve custom development or sign the blueprint here, and their involvement is not recorded.',
        },
        evidence: [{ label: locale === 'zh-CN' ? '团队成员' : 'Team members', href: 'team?tab=members' }],
      });
    } else {
      // The most active sponsor counts: one engaged executive is what the method asks for.
      const idle = Math.min(...withAccount.map((x) => (x.lastActiveOn ? daysBetween(x.lastActiveOn, f.today) : Number.POSITIVE_INFINITY)));
      const level: SignalLevel = idle > 2 * s.sponsorInactiveDays ? 'critical' : idle > s.sponsorInactiveDays ? 'warning' : 'ok';
      const never = !Number.isFinite(idle);
      out.push({
        code: 'executive_backing.sponsor_active',
        level,
        value: never ? null : idle,
        title: activity,
        message: never
          ? {
              zh: '发起人从未在 golive 中审批、签字或更新过任何内容。',
              en: 'The sponsor has never approved, signed or updated anything in golive.',
            }
          : {
              zh: `发起人最近一次在系统中操作是 ${idle} 天前（阈值 ${s.sponsorInactiveDays} 天）。`,
              en: `The sponsor last acted in golive ${idle} days ago (threshold ${s.sponsorInactiveDays} days).`,
            },
      });
    }
  }
  const waiting = f.pendingApprovals
    .map((a) => ({ ...a, days: daysBetween(a.requestedOn, f.today) }))
    .filter((a) => a.days > s.approvalWaitDays)
    .sort((a, b) => b.days - a.days);
  const longest = waiting[0]?.days ?? 0;
  out.push({
    code: 'executive_backing.approvals_waiting',
    level: waiting.length === 0 ? 'ok' : longest > 2 * s.approvalWaitDays ? 'critical' : 'warning',
    value: waiting.length,
    title: { zh: '领导小组审批', en: 'Steering-committee approvals' },
    message:
      waiting.length === 0
        ? {
            zh: `没有等待超过 ${s.approvalWaitDays} 天的定制开发审批（待审批 ${f.pendingApprovals.length} 项）。`,
            en: `No custom development has waited more than ${s.approvalWaitDays} days for approval (${f.pendingApprovals.length} pending).`,
          }
        : {
            zh: `${waiting.length} 项定制开发等待领导小组审批超过 ${s.approvalWaitDays} 天，最久 ${longest} 天：${list(
              waiting.map((w) => w.code),
              'zh-CN',
            )}。`,
            en: `${waiting.length} custom development item(s) have waited more than ${s.approvalWaitDays} days for the steering committee, the longest ${longest} days: ${list(
              waiting.map((w) => w.code),
              'en',
            )}.`,
          },
    evidence: waiting.length ? [{ label: locale === 'zh-CN' ? '需求清单' : 'Requirements', href: 'blueprint/requirements' }] : [],
  });
  return out;
}

function changeManagement(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
  const link = [{ label: locale === 'zh-CN' ? '干系人支持度' : 'Stakeholder support', href: 'team?tab=stakeholders' }];
  if (f.stakeholders.length === 0) {
    return [
      {
        code: 'change_management.resistance',
        level: 'no_data',
        value: null,
        title: { zh: '变革阻力', en: 'Resistance to change' },
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
    title: { zh: '变革阻力', en: 'Resistance to change' },
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
    title: { zh: '关键抵触者', en: 'Key resisters' },
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
    title: { zh: '支持度跟踪', en: 'Support tracking' },
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

function customisation(f: RiskFacts, locale: Locale): IndicatorDraft[] {
  const link = [{ label: locale === 'zh-CN' ? '定制度仪表' : 'Customisation meter', href: 'blueprint/requirements' }];
  const c = f.customisation;
  if (!c) {
    return [
      {
        code: 'customisation.share',
        level: 'no_data',
        value: null,
        title: { zh: '定制开发占比', en: 'Custom development share' },
        message: { zh: '需求清单为空：尚无法衡量定制程度。', en: 'The requirement list is empty: customisation cannot be measured yet.' },
        evidence: link,
      },
    ];
  }
  const over = c.customShare > c.maxCustomShare + 1e-12;
  const near = !over && c.maxCustomShare > 0 && c.customShare >= 0.8 * c.maxCustomShare - 1e-12;
  return [
    {
      code: 'customisation.share',
      level: over ? 'critical' : near ? 'warning' : 'ok',
      value: c.customShare,
      title: { zh: '定制开发占比', en: 'Custom development share' },
      message: {
        zh: `全部需求中 ${pct(c.customShare)} 为定制开发（上限 ${pct(c.maxCustomShare)}${near ? '，已接近上限' : ''}）。`,
        en: `${pct(c.customShare)} of all requirements are custom development (limit ${pct(c.maxCustomShare)}${near ? ', close to the limit' : ''}).`,
      },
      evidence: link,
    },
    {
      code: 'customisation.modules_over',
      level: c.modulesOver.length === 0 ? 'ok' : c.modulesOver.length >= 2 ? 'critical' : 'warning',
      value: c.modulesOver.length,
      title: { zh: '超标模块', en: 'Modules over the limit' },
      message:
        c.modulesOver.length === 0
          ? { zh: '没有模块超过定制占比或工作量上限。', en: 'No module exceeds the custom share or effort limit.' }
          : {
              zh: `超过定制占比或工作量上限的模块：${list(
                c.modulesOver.map((m) => m.label),
                'zh-CN',
              )}。`,
              en: `Modules over the custom share or effort limit: ${list(
                c.modulesOver.map((m) => m.label),
                'en',
              )}.`,
            },
      evidence: c.modulesOver.length ? link : [],
    },
  ];
}

function dataQuality(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
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
    title: { zh: '数据质量得分', en: 'Data quality scores' },
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
      title: { zh: '未分析资产', en: 'Assets not profiled' },
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
      title: { zh: '迁移拒收率', en: 'Migration rejects' },
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

function goals(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
  const link = [{ label: locale === 'zh-CN' ? '目标' : 'Goals', href: 'goals' }];
  if (f.goals.length === 0) {
    return [
      {
        code: 'goals.defined',
        level: 'critical',
        value: 0,
        title: { zh: '项目目标', en: 'Project goals' },
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
    title: { zh: 'SMART 目标', en: 'SMART goals' },
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
      title: { zh: 'KPI 进度', en: 'KPI progress' },
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
      title: { zh: 'KPI 进度', en: 'KPI progress' },
      message: {
        zh: '还没有带期限和实际值的 KPI：进度无从判断。',
        en: 'No KPI has both a deadline and an actual yet: progress cannot be judged.',
      },
      evidence: link,
    });
  }
  return out;
}

function riskRegister(f: RiskFacts, locale: Locale): IndicatorDraft[] {
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
      title: { zh: '高风险', en: 'High risks' },
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
    title: { zh: '逾期风险', en: 'Overdue risks' },
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
      title: zh ? d.title.zh : d.title.en,
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
