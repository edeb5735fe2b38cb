import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS, evaluateHealth, levelOfScore, type RiskFacts } from './early-warnings';
import { INDICATOR_CATALOGUE, INDICATOR_CODES, indicatorTitle, isIndicatorCode } from './indicator-catalogue';
import type { SignalLevel } from './risk.schema';

const TODAY = '2026-11-28';

/** A healthy project: every indicator ok. */
function healthyFacts(): RiskFacts {
  return {
    today: TODAY,
    projectStartDate: '2026-09-01',
    sponsors: [{ name: '张建国', hasAccount: true, lastActiveOn: '2026-11-20' }],
    stakeholders: [
      { name: '张建国', influence: 5, support: 5, assessedOn: '2026-11-20' },
      { name: '周丽', influence: 3, support: 4, assessedOn: '2026-11-01' },
    ],
    customisation: { customShare: 0.05, maxCustomShare: 0.1, modulesOver: [] },
    pendingApprovals: [],
    dataAssets: [{ id: 'a1', name: '客户档案', qualityScore: 92 }],
    latestMigrationRun: { number: 1, sourceRows: 10_000, rejectedRows: 0 },
    goals: [{ statement: '结账从7天到3天', smartOk: true, progress: 0.5, deadline: '2027-03-01', createdOn: '2026-09-01' }],
    risks: [],
  };
}

function levelOf(facts: RiskFacts, code: string, settings = DEFAULT_RISK_SETTINGS): SignalLevel {
  const found = evaluateHealth(facts, settings, 'zh-CN')
    .dimensions.flatMap((d) => d.indicators)
    .find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found.level;
}

describe('evaluateHealth', () => {
  it('scores a healthy project 100 with every indicator ok', () => {
    const health = evaluateHealth(healthyFacts(), DEFAULT_RISK_SETTINGS, 'zh-CN');
    expect(health.score).toBe(100);
    expect(health.level).toBe('ok');
    expect(health.dimensions.flatMap((d) => d.indicators).filter((i) => i.level !== 'ok')).toEqual([]);
  });

  it.each<[string, (f: RiskFacts) => void, string, SignalLevel]>([
    ['no sponsor', (f) => (f.sponsors = []), 'executive_backing.sponsor_named', 'critical'],
    ['sponsor without account', (f) => (f.sponsors[0]!.hasAccount = false), 'executive_backing.sponsor_active', 'watch'],
    [
      'sponsor idle 30 days (at the threshold)',
      (f) => (f.sponsors[0]!.lastActiveOn = '2026-10-29'),
      'executive_backing.sponsor_active',
      'ok',
    ],
    ['sponsor idle 31 days', (f) => (f.sponsors[0]!.lastActiveOn = '2026-10-28'), 'executive_backing.sponsor_active', 'warning'],
    ['sponsor idle 61 days', (f) => (f.sponsors[0]!.lastActiveOn = '2026-09-28'), 'executive_backing.sponsor_active', 'critical'],
    ['sponsor never acted', (f) => (f.sponsors[0]!.lastActiveOn = null), 'executive_backing.sponsor_active', 'critical'],
    [
      'the most active of two sponsors counts',
      (f) => f.sponsors.push({ name: '李文华', hasAccount: true, lastActiveOn: null }),
      'executive_backing.sponsor_active',
      'ok',
    ],
    [
      'approval waiting 14 days (at the threshold)',
      (f) => f.pendingApprovals.push({ code: 'REQ-040', title: 't', requestedOn: '2026-11-14' }),
      'executive_backing.approvals_waiting',
      'ok',
    ],
    [
      'approval waiting 15 days',
      (f) => f.pendingApprovals.push({ code: 'REQ-040', title: 't', requestedOn: '2026-11-13' }),
      'executive_backing.approvals_waiting',
      'warning',
    ],
    [
      'approval waiting 29 days',
      (f) => f.pendingApprovals.push({ code: 'REQ-040', title: 't', requestedOn: '2026-10-30' }),
      'executive_backing.approvals_waiting',
      'critical',
    ],
    ['no stakeholders', (f) => (f.stakeholders = []), 'change_management.resistance', 'no_data'],
    // Influence 5 + 3 = 8; 2/8 = 25 % against → warning (≥ 20 %).
    [
      'a fifth of weighted influence against',
      (f) => f.stakeholders.push({ name: '刘国庆', influence: 2, support: 2, assessedOn: TODAY }),
      'change_management.resistance',
      'warning',
    ],
    [
      'a little resistance',
      (f) => f.stakeholders.push({ name: '刘国庆', influence: 1, support: 1, assessedOn: TODAY }),
      'change_management.resistance',
      'watch',
    ],
    ['resistance at 37.5 %', (f) => (f.stakeholders[1]!.support = 2), 'change_management.resistance', 'critical'],
    ['one key resister', (f) => (f.stakeholders[0]!.support = 2), 'change_management.key_resistors', 'warning'],
    [
      'two key resisters',
      (f) => {
        f.stakeholders[0]!.support = 1;
        f.stakeholders.push({ name: '郑凯', influence: 4, support: 2, assessedOn: TODAY });
      },
      'change_management.key_resistors',
      'critical',
    ],
    ['an assessment 31 days old', (f) => (f.stakeholders[1]!.assessedOn = '2026-10-28'), 'change_management.stale_assessments', 'watch'],
    [
      'never assessed',
      (f) => f.stakeholders.push({ name: '郑凯', influence: 4, support: null, assessedOn: null }),
      'change_management.stale_assessments',
      'watch',
    ],
    ['empty fit-gap list', (f) => (f.customisation = null), 'customisation.share', 'no_data'],
    ['custom share exactly at the limit', (f) => (f.customisation!.customShare = 0.1), 'customisation.share', 'warning'],
    ['custom share at 80 % of the limit', (f) => (f.customisation!.customShare = 0.08), 'customisation.share', 'warning'],
    ['custom share over the limit', (f) => (f.customisation!.customShare = 0.11), 'customisation.share', 'critical'],
    [
      'one module over',
      (f) => f.customisation!.modulesOver.push({ module: 'production', label: '生产' }),
      'customisation.modules_over',
      'warning',
    ],
    ['data score 80 (at the threshold)', (f) => (f.dataAssets[0]!.qualityScore = 80), 'data_quality.scores', 'ok'],
    ['data score 79.9', (f) => (f.dataAssets[0]!.qualityScore = 79.9), 'data_quality.scores', 'warning'],
    ['data score 59', (f) => (f.dataAssets[0]!.qualityScore = 59), 'data_quality.scores', 'critical'],
    ['no profiled asset', (f) => (f.dataAssets[0]!.qualityScore = null), 'data_quality.scores', 'no_data'],
    [
      'an asset not profiled',
      (f) => f.dataAssets.push({ id: 'a2', name: '供应商', qualityScore: null }),
      'data_quality.unprofiled',
      'watch',
    ],
    ['1 % rejects', (f) => (f.latestMigrationRun!.rejectedRows = 100), 'data_quality.rejects', 'warning'],
    ['5 % rejects', (f) => (f.latestMigrationRun!.rejectedRows = 500), 'data_quality.rejects', 'critical'],
    ['no goals', (f) => (f.goals = []), 'goals.defined', 'critical'],
    ['half the goals not SMART', (f) => f.goals.push({ ...f.goals[0]!, smartOk: false }), 'goals.smart', 'watch'],
    ['all goals not SMART', (f) => (f.goals[0]!.smartOk = false), 'goals.smart', 'warning'],
    // 2026-09-01 → 2027-03-01 is 181 days; 88 elapsed = 48.6 %; progress 0.3 trails by 18.6 %.
    ['KPI trailing by 18.6 %', (f) => (f.goals[0]!.progress = 0.3), 'goals.behind', 'warning'],
    ['KPI trailing by 38.6 %', (f) => (f.goals[0]!.progress = 0.1), 'goals.behind', 'critical'],
    ['KPI without actuals', (f) => (f.goals[0]!.progress = null), 'goals.behind', 'no_data'],
    [
      'a high risk owned and mitigated',
      (f) =>
        f.risks.push({ code: 'R-001', title: 't', score: 16, status: 'mitigating', hasOwner: true, hasMitigation: true, dueDate: null }),
      'risk_register.high_open',
      'warning',
    ],
    [
      'a high risk nobody owns',
      (f) => f.risks.push({ code: 'R-001', title: 't', score: 15, status: 'open', hasOwner: false, hasMitigation: true, dueDate: null }),
      'risk_register.high_open',
      'critical',
    ],
    [
      'a closed high risk',
      (f) =>
        f.risks.push({
          code: 'R-001',
          title: 't',
          score: 25,
          status: 'closed',
          hasOwner: false,
          hasMitigation: false,
          dueDate: '2026-01-01',
        }),
      'risk_register.high_open',
      'ok',
    ],
    [
      'an overdue medium risk',
      (f) =>
        f.risks.push({ code: 'R-002', title: 't', score: 12, status: 'open', hasOwner: true, hasMitigation: true, dueDate: '2026-11-27' }),
      'risk_register.overdue',
      'warning',
    ],
    [
      'a risk due today is not overdue',
      (f) => f.risks.push({ code: 'R-002', title: 't', score: 12, status: 'open', hasOwner: true, hasMitigation: true, dueDate: TODAY }),
      'risk_register.overdue',
      'ok',
    ],
  ])('%s', (_name, change, code, expected) => {
    const facts = healthyFacts();
    change(facts);
    expect(levelOf(facts, code)).toBe(expected);
  });

  it('lets the worst indicator set the dimension, weighs dimensions and skips those without data', () => {
    const facts = healthyFacts();
    facts.customisation!.customShare = 0.2; // critical → 20
    facts.dataAssets = []; // data quality has no data
    facts.latestMigrationRun = null;
    const health = evaluateHealth(facts, DEFAULT_RISK_SETTINGS, 'en');
    const byCode = Object.fromEntries(health.dimensions.map((d) => [d.code, d.score]));
    expect(byCode).toEqual({
      executive_backing: 100,
      change_management: 100,
      customisation: 20,
      data_quality: null,
      goals: 100,
      risk_register: 100,
    });
    // (100·20 + 100·20 + 20·15 + 100·15 + 100·15) / 85
    expect(health.score).toBe(Math.round((2000 + 2000 + 300 + 1500 + 1500) / 85));
    const weightless = { ...DEFAULT_RISK_SETTINGS, weights: { ...DEFAULT_RISK_SETTINGS.weights, customisation: 0 } };
    expect(evaluateHealth(facts, weightless, 'en').score).toBe(100);
  });

  it('writes messages in the caller language with the thresholds that apply', () => {
    const facts = healthyFacts();
    facts.dataAssets[0]!.qualityScore = 55;
    const message = (locale: 'zh-CN' | 'en') =>
      evaluateHealth(facts, DEFAULT_RISK_SETTINGS, locale)
        .dimensions.flatMap((d) => d.indicators)
        .find((i) => i.code === 'data_quality.scores')!.message;
    expect(message('zh-CN')).toBe('1 项数据资产质量得分低于 80（严重 < 60）：客户档案 55。');
    expect(message('en')).toBe('1 data asset(s) score below 80 (critical < 60): 客户档案 55.');
  });

  it('maps scores to levels at the documented bounds, each indicator score to its own level', () => {
    expect([100, 80, 50, 20].map(levelOfScore)).toEqual(['ok', 'watch', 'warning', 'critical']);
    expect([null, 0, 34.9, 35, 64.9, 65, 89.9, 90, 100].map(levelOfScore)).toEqual([
      'no_data',
      'critical',
      'critical',
      'warning',
      'warning',
      'watch',
      'watch',
      'ok',
      'ok',
    ]);
  });
});

const stakeholderArb = fc.record({
  name: fc.string({ minLength: 1, maxLength: 4 }),
  influence: fc.integer({ min: 1, max: 5 }),
  support: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  assessedOn: fc.option(fc.constantFrom('2026-06-01', '2026-11-01', TODAY), { nil: null }),
});
const assetArb = fc.record({
  id: fc.uuid(),
  name: fc.string({ minLength: 1, maxLength: 4 }),
  qualityScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
});
const riskArb = fc.record({
  code: fc.constantFrom('R-001', 'R-002'),
  title: fc.string({ maxLength: 4 }),
  score: fc.integer({ min: 1, max: 25 }),
  status: fc.constantFrom('open', 'mitigating', 'accepted', 'closed'),
  hasOwner: fc.boolean(),
  hasMitigation: fc.boolean(),
  dueDate: fc.option(fc.constantFrom('2026-01-01', '2027-01-01'), { nil: null }),
});
const factsArb = fc.record({
  stakeholders: fc.array(stakeholderArb, { maxLength: 6 }),
  dataAssets: fc.array(assetArb, { maxLength: 4 }),
  risks: fc.array(riskArb, { maxLength: 4 }),
});

const dimensionScore = (facts: RiskFacts, code: string): number | null =>
  evaluateHealth(facts, DEFAULT_RISK_SETTINGS, 'en').dimensions.find((d) => d.code === code)!.score;

describe('evaluateHealth properties', () => {
  it('keeps scores within 0–100 and the health between its dimensions', () => {
    fc.assert(
      fc.property(factsArb, (partial) => {
        const health = evaluateHealth({ ...healthyFacts(), ...partial }, DEFAULT_RISK_SETTINGS, 'en');
        const scores = health.dimensions.map((d) => d.score).filter((s): s is number => s !== null);
        for (const d of health.dimensions) {
          const own = d.indicators.map((i) => i.score).filter((s): s is number => s !== null);
          expect(d.score).toBe(own.length ? Math.min(...own) : null);
        }
        expect(health.score).not.toBeNull();
        expect(health.score!).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(health.score!).toBeLessThanOrEqual(Math.max(...scores));
      }),
    );
  });

  it('never improves change management when a stakeholder withdraws support', () => {
    fc.assert(
      fc.property(fc.array(stakeholderArb, { minLength: 1, maxLength: 6 }), fc.nat(), (stakeholders, pick) => {
        const facts = { ...healthyFacts(), stakeholders };
        const index = pick % stakeholders.length;
        const current = stakeholders[index]!.support;
        if (current === null || current === 1) return;
        const worse = { ...facts, stakeholders: stakeholders.map((s, i) => (i === index ? { ...s, support: current - 1 } : s)) };
        const before = dimensionScore(facts, 'change_management');
        const after = dimensionScore(worse, 'change_management');
        if (before !== null && after !== null) expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('never improves data quality when an asset scores lower', () => {
    fc.assert(
      fc.property(
        fc.array(assetArb, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (assets, pick, drop) => {
          const index = pick % assets.length;
          const score = assets[index]!.qualityScore;
          if (score === null) return;
          const facts = { ...healthyFacts(), dataAssets: assets };
          const worse = {
            ...facts,
            dataAssets: assets.map((a, i) => (i === index ? { ...a, qualityScore: Math.max(0, score - drop) } : a)),
          };
          expect(dimensionScore(worse, 'data_quality')!).toBeLessThanOrEqual(dimensionScore(facts, 'data_quality')!);
        },
      ),
    );
  });

  it('never improves the register dimension when a risk is added', () => {
    fc.assert(
      fc.property(fc.array(riskArb, { maxLength: 4 }), riskArb, (risks, extra) => {
        const facts = { ...healthyFacts(), risks };
        const more = { ...facts, risks: [...risks, extra] };
        expect(dimensionScore(more, 'risk_register')!).toBeLessThanOrEqual(dimensionScore(facts, 'risk_register')!);
      }),
    );
  });
});

describe('indicator catalogue', () => {
  it('names every evaluated indicator, under its own dimension, in both languages', () => {
    // Without goals the goal dimension reports only that none are defined: together the two cover every rule.
    const evaluated = [healthyFacts(), { ...healthyFacts(), goals: [] }].flatMap((facts) =>
      evaluateHealth(facts, DEFAULT_RISK_SETTINGS, 'en').dimensions.flatMap((d) =>
        d.indicators.map((i) => ({ dimension: d.code, code: i.code, title: i.title })),
      ),
    );
    expect([...new Set(evaluated.map((e) => e.code))].sort()).toEqual([...INDICATOR_CODES].sort());
    for (const e of evaluated) {
      expect(isIndicatorCode(e.code)).toBe(true);
      if (!isIndicatorCode(e.code)) continue;
      expect(INDICATOR_CATALOGUE[e.code].dimension).toBe(e.dimension);
      expect(e.title).toBe(indicatorTitle(e.code, 'en'));
      expect(indicatorTitle(e.code, 'zh-CN')).not.toMatch(/[a-z_]{3,}/);
    }
  });
});
