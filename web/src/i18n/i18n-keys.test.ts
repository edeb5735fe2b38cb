import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  AVAILABLE_PHASES,
  ERP_MODULES,
  PHASES,
  PROJECT_ROLES,
  RACI_LETTERS,
  RESOURCES,
  ROI_ITEM_KINDS,
  SMART_CRITERIA,
  SUPPORT_LEVELS,
  TEAM_TIERS,
} from '../api/types';
import { HEALTH_DIMENSIONS, RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, SIGNAL_LEVELS } from '../modules/risks/types';
import { TRANSLATIONS } from './resources';

type Tree = { [key: string]: string | Tree };

/** `{a: {b: 'x'}}` → `['a.b']`; a non-string leaf is an error. */
function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return [path];
    if (typeof value === 'object' && value !== null) return flatten(value, path);
    throw new Error(`${path}: not a string`);
  });
}

const LANGUAGES: Record<string, Tree> = { 'zh-CN': TRANSLATIONS['zh-CN'] as Tree, en: TRANSLATIONS.en as Tree };
const keys = Object.fromEntries(Object.entries(LANGUAGES).map(([lng, tree]) => [lng, new Set(flatten(tree))]));

/** Every source file of the web app, as text (the test itself excluded). */
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Literal keys passed to `t('…')`, `i18n.t("…")` or `i18nKey="…"`. */
function literalKeys(source: string): string[] {
  const found: string[] = [];
  const patterns = [/(?<![\w$])t\(\s*(['"])([^'"`\n]+?)\1/g, /i18nKey=(['"])([^'"\n]+?)\1/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[2]);
  return found;
}

/** Keys built at run time from server codes (`t(\`role.${code}\`)` etc.) must exist for every code. */
const DYNAMIC_KEYS = [
  ...PHASES.map((p) => `phase.${p}`),
  ...PHASES.filter((p) => !AVAILABLE_PHASES.includes(p)).map((p) => `comingSoon.${p}`),
  ...PROJECT_ROLES.map((r) => `role.${r}`),
  ...ERP_MODULES.map((m) => `erpModule.${m}`),
  ...TEAM_TIERS.flatMap((tier) => [`tier.${tier}`, `tierDescription.${tier}`]),
  ...SMART_CRITERIA.map((c) => `smart.${c}`),
  ...ROI_ITEM_KINDS.map((k) => `roi.kind.${k}`),
  ...RACI_LETTERS.map((l) => `raci.letter.${l}`),
  ...['no_accountable', 'no_responsible'].map((c) => `raci.issue.${c}`),
  ...SUPPORT_LEVELS.map((l) => `stakeholders.support${l}`),
  ...['added', 'removed', 'changed', 'same'].map((c) => `audit.changeKind.${c}`),
  ...['increase', 'decrease'].map((d) => `goals.${d}`),
  ...RESOURCES.map((r) => `resource.${r}`),
  ...ACTIONS.map((a) => `action.${a}`),
  ...SIGNAL_LEVELS.map((l) => `risks.signal.${l}`),
  ...RISK_STATUSES.map((s) => `risks.status.${s}`),
  ...RISK_LEVELS.map((l) => `risks.riskLevel.${l}`),
  ...RISK_CATEGORIES.map((c) => `risks.category.${c}`),
  ...HEALTH_DIMENSIONS.map((d) => `risks.dimension.${d}`),
  ...[1, 2, 3, 4, 5].flatMap((n) => [`risks.form.probabilityScale.${n}`, `risks.form.impactScale.${n}`]),
  ...['percent', 'days', 'points'].map((u) => `risks.settings.unit.${u}`),
];

describe('i18n keys', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const onlyZh = [...keys['zh-CN']].filter((k) => !keys.en.has(k));
    const onlyEn = [...keys.en].filter((k) => !keys['zh-CN'].has(k));
    expect({ missingInEn: onlyZh, missingInZhCN: onlyEn }).toEqual({ missingInEn: [], missingInZhCN: [] });
  });

  it('no translation is empty', () => {
    const empty = Object.entries(LANGUAGES).flatMap(([lng, tree]) =>
      flatten(tree)
        .filter((k) => k.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], tree) === '')
        .map((k) => `${lng}:${k}`),
    );
    expect(empty).toEqual([]);
  });

  it('scans the web sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it('every literal t(key) in web/src exists in both languages', () => {
    const missing: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      for (const key of literalKeys(source)) {
        for (const [lng, set] of Object.entries(keys)) if (!set.has(key)) missing.push(`${file}: ${key} (${lng})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every code-derived key exists in both languages', () => {
    const missing = DYNAMIC_KEYS.flatMap((key) =>
      Object.entries(keys)
        .filter(([, set]) => !set.has(key))
        .map(([lng]) => `${key} (${lng})`),
    );
    expect(missing).toEqual([]);
  });

  it('finds a missing key (self-check of the scanner)', () => {
    expect(literalKeys(`const a = t('goals.create'); i18n.t("app.title"); format(x); const b = t(\`role.\${r}\`);`)).toEqual([
      'goals.create',
      'app.title',
    ]);
  });
});
