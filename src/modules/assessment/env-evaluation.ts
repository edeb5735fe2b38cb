import type { Locale } from '../../shared/app-error';

/** How a requirement compares a recorded fact. */
export const ENV_OPERATORS = ['min', 'max', 'one_of', 'min_version'] as const;
export type EnvOperator = (typeof ENV_OPERATORS)[number];

export const ENV_CATEGORIES = ['server', 'database', 'client', 'network'] as const;
export type EnvCategory = (typeof ENV_CATEGORIES)[number];

/** One item of the ERP's requirement profile. */
export interface EnvRequirement {
  category: EnvCategory;
  /** Stable key the site facts use, e.g. `app_cpu_cores`. */
  metric: string;
  label: string;
  operator: EnvOperator;
  /** Threshold for min/max. */
  threshold: number | null;
  unit: string;
  /** one_of: allowed values; min_version: `Product>=version` entries, e.g. `Windows Server>=2016`. */
  allowed: string[];
  /**
   * Warn band as a fraction: a min/max miss within the band warns instead of failing (0.25 with
   * min 8 → 6..8 warns); for min_version the band applies to the first version number.
   */
  warnBand: number;
}

export type EnvStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface EnvItemResult {
  metric: string;
  label: string;
  category: EnvCategory;
  requirement: string;
  value: string | null;
  status: EnvStatus;
  message: string;
}

const L = {
  'zh-CN': {
    missing: '未记录',
    notNumber: '不是数字',
    belowWarn: '低于要求，但在预警范围内',
    below: '低于要求',
    aboveWarn: '高于要求，但在预警范围内',
    above: '超出要求',
    notAllowed: '不在允许范围内',
    unknownProduct: '不是支持的产品',
    noVersion: '无法识别版本号',
    versionWarn: '版本低于要求，但在预警范围内',
    versionLow: '版本低于要求',
    ok: '满足要求',
    oneOf: '之一',
  },
  en: {
    missing: 'not recorded',
    notNumber: 'is not a number',
    belowWarn: 'below the requirement, within the warn band',
    below: 'below the requirement',
    aboveWarn: 'above the limit, within the warn band',
    above: 'above the limit',
    notAllowed: 'is not one of the allowed values',
    unknownProduct: 'is not a supported product',
    noVersion: 'the version cannot be recognized',
    versionWarn: 'version below the requirement, within the warn band',
    versionLow: 'version below the requirement',
    ok: 'meets the requirement',
    oneOf: 'one of',
  },
} as const;

/** The default 金昌 ERP requirement profile (editable per project). */
export function defaultRequirementProfile(locale: Locale): EnvRequirement[] {
  const zh = locale === 'zh-CN';
  return [
    {
      category: 'server',
      metric: 'app_cpu_cores',
      label: zh ? '应用服务器 CPU 核数' : 'App server CPU cores',
      operator: 'min',
      threshold: 8,
      unit: zh ? '核' : 'cores',
      allowed: [],
      warnBand: 0.25,
    },
    {
      category: 'server',
      metric: 'app_memory_gb',
      label: zh ? '应用服务器内存' : 'App server memory',
      operator: 'min',
      threshold: 16,
      unit: 'GB',
      allowed: [],
      warnBand: 0.25,
    },
    {
      category: 'server',
      metric: 'app_disk_free_gb',
      label: zh ? '应用服务器可用磁盘' : 'App server free disk',
      operator: 'min',
      threshold: 200,
      unit: 'GB',
      allowed: [],
      warnBand: 0.25,
    },
    {
      category: 'server',
      metric: 'server_os',
      label: zh ? '服务器操作系统' : 'Server operating system',
      operator: 'min_version',
      threshold: null,
      unit: '',
      allowed: ['Windows Server>=2016', 'Red Hat Enterprise Linux>=7', 'CentOS>=7', 'Ubuntu>=18.04', '麒麟>=10', '统信 UOS>=20'],
      warnBand: 0,
    },
    {
      category: 'database',
      metric: 'database',
      label: zh ? '数据库' : 'Database',
      operator: 'min_version',
      threshold: null,
      unit: '',
      allowed: ['SQL Server>=2016', 'PostgreSQL>=12', 'Oracle>=12'],
      warnBand: 0,
    },
    {
      category: 'client',
      metric: 'browser',
      label: zh ? '客户端浏览器' : 'Client browser',
      operator: 'min_version',
      threshold: null,
      unit: '',
      allowed: ['Chrome>=100', 'Edge>=100', '360极速>=13'],
      warnBand: 0.1,
    },
    {
      category: 'network',
      metric: 'bandwidth_mbps',
      label: zh ? '站点带宽' : 'Site bandwidth',
      operator: 'min',
      threshold: 10,
      unit: 'Mbps',
      allowed: [],
      warnBand: 0.3,
    },
    {
      category: 'network',
      metric: 'latency_ms',
      label: zh ? '到服务器的网络延迟' : 'Latency to the server',
      operator: 'max',
      threshold: 100,
      unit: 'ms',
      allowed: [],
      warnBand: 0.5,
    },
  ];
}

/** Parses `Product>=version` entries of a min_version requirement. */
export function parseVersionRules(allowed: string[]): { product: string; minVersion: string }[] {
  return allowed
    .map((entry) => {
      const at = entry.indexOf('>=');
      return at === -1
        ? { product: entry.trim(), minVersion: '' }
        : { product: entry.slice(0, at).trim(), minVersion: entry.slice(at + 2).trim() };
    })
    .filter((r) => r.product);
}

function versionNumbers(text: string): number[] | null {
  const match = /\d+(?:\.\d+)*/.exec(text);
  return match ? match[0].split('.').map(Number) : null;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const normalize = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The requirement as a short text, e.g. `≥ 8 核` or `Chrome ≥ 100 / Edge ≥ 100`. */
export function describeRequirement(req: EnvRequirement, locale: Locale): string {
  const unit = req.unit ? ` ${req.unit}` : '';
  if (req.operator === 'min') return `≥ ${req.threshold ?? '?'}${unit}`;
  if (req.operator === 'max') return `≤ ${req.threshold ?? '?'}${unit}`;
  if (req.operator === 'one_of') return `${L[locale].oneOf}: ${req.allowed.join(' / ')}`;
  return parseVersionRules(req.allowed)
    .map((r) => (r.minVersion ? `${r.product} ≥ ${r.minVersion}` : r.product))
    .join(' / ');
}

/** Evaluates one recorded fact against one requirement: pass / warn / fail, or unknown when not recorded. */
export function evaluateRequirement(req: EnvRequirement, value: string | null | undefined, locale: Locale): EnvItemResult {
  const t = L[locale];
  const base = { metric: req.metric, label: req.label, category: req.category, requirement: describeRequirement(req, locale) };
  const raw = value?.trim() ?? '';
  if (!raw) return { ...base, value: null, status: 'unknown', message: t.missing };
  const result = (status: EnvStatus, message: string): EnvItemResult => ({ ...base, value: raw, status, message });
  if (req.operator === 'min' || req.operator === 'max') {
    const n = Number.parseFloat(raw.replace(/,/g, ''));
    if (!Number.isFinite(n) || req.threshold === null) return result('fail', t.notNumber);
    const limit = req.threshold;
    if (req.operator === 'min') {
      if (n >= limit) return result('pass', t.ok);
      return n >= limit * (1 - req.warnBand) ? result('warn', t.belowWarn) : result('fail', t.below);
    }
    if (n <= limit) return result('pass', t.ok);
    return n <= limit * (1 + req.warnBand) ? result('warn', t.aboveWarn) : result('fail', t.above);
  }
  if (req.operator === 'one_of') {
    return req.allowed.some((a) => normalize(a) === normalize(raw)) ? result('pass', t.ok) : result('fail', t.notAllowed);
  }
  const fact = normalize(raw);
  const rules = parseVersionRules(req.allowed).filter((r) => fact.startsWith(normalize(r.product)));
  if (rules.length === 0) return result('fail', t.unknownProduct);
  // Several rules may name the same product (e.g. two editions): the most favourable one counts.
  const rank: Record<EnvStatus, number> = { pass: 0, warn: 1, unknown: 2, fail: 3 };
  const outcomes = rules.map((rule): [EnvStatus, string] => {
    if (!rule.minVersion) return ['pass', t.ok];
    const have = versionNumbers(fact.slice(normalize(rule.product).length));
    const want = versionNumbers(rule.minVersion);
    if (!have || !want) return ['warn', t.noVersion];
    if (compareVersions(have, want) >= 0) return ['pass', t.ok];
    if (req.warnBand > 0 && have[0]! >= want[0]! * (1 - req.warnBand)) return ['warn', t.versionWarn];
    return ['fail', t.versionLow];
  });
  outcomes.sort((x, y) => rank[x[0]] - rank[y[0]]);
  return result(outcomes[0]![0], outcomes[0]![1]);
}

/** The worst status of a list: fail > warn > unknown > pass. */
export function worstStatus(statuses: EnvStatus[]): EnvStatus {
  for (const s of ['fail', 'warn', 'unknown'] as const) if (statuses.includes(s)) return s;
  return 'pass';
}

/** Evaluates a site's recorded facts against the whole profile. */
export function evaluateSite(
  profile: EnvRequirement[],
  facts: Record<string, string>,
  locale: Locale,
): { status: EnvStatus; items: EnvItemResult[] } {
  const items = profile.map((req) => evaluateRequirement(req, facts[req.metric], locale));
  return { status: worstStatus(items.map((i) => i.status)), items };
}

/** Browsers built on Chromium whose user agent carries the Chromium version, not their own. */
const CHROMIUM_SHELLS = new Set(['360', 'QQ']);

/**
 * Evaluates a probe result against the browser, bandwidth and latency requirements. 360 and QQ
 * browsers report their Chromium core version, so they are checked against the Chrome rule (what
 * the ERP's web client actually runs on).
 */
export function evaluateProbe(
  profile: EnvRequirement[],
  probe: { browserName: string; browserVersion: string; rttMedianMs: number; downloadMbps: number | null },
  locale: Locale,
): { status: EnvStatus; items: EnvItemResult[] } {
  const items: EnvItemResult[] = [];
  const browserReq = profile.find((r) => r.metric === 'browser');
  if (browserReq) {
    const name = CHROMIUM_SHELLS.has(probe.browserName) ? 'Chrome' : probe.browserName;
    const evaluated = evaluateRequirement(browserReq, `${name} ${probe.browserVersion}`, locale);
    items.push({ ...evaluated, value: `${probe.browserName} ${probe.browserVersion}` });
  }
  const bandwidth = profile.find((r) => r.metric === 'bandwidth_mbps');
  if (bandwidth) items.push(evaluateRequirement(bandwidth, probe.downloadMbps === null ? null : probe.downloadMbps.toFixed(1), locale));
  const latency = profile.find((r) => r.metric === 'latency_ms');
  if (latency) items.push(evaluateRequirement(latency, String(Math.round(probe.rttMedianMs)), locale));
  return { status: worstStatus(items.map((i) => i.status)), items };
}

/** Browser name and version from a user agent: Edge, 360, QQ, Firefox, Chrome, Safari (in that order of precedence). */
export function parseUserAgent(ua: string): { browserName: string; browserVersion: string; osName: string } {
  const pick = (re: RegExp): string | null => re.exec(ua)?.[1] ?? null;
  const chrome = pick(/(?:Chrome|CriOS)\/([\d.]+)/);
  let browserName = 'Other';
  let browserVersion = '';
  const edge = pick(/Edg(?:e|A|iOS)?\/([\d.]+)/);
  const qq = pick(/QQBrowser\/([\d.]+)/);
  if (edge) [browserName, browserVersion] = ['Edge', edge];
  else if (/QIHU|360SE|360EE|360Browser/i.test(ua)) [browserName, browserVersion] = ['360', chrome ?? ''];
  else if (qq) [browserName, browserVersion] = ['QQ', chrome ?? qq];
  else if (pick(/Firefox\/([\d.]+)/)) [browserName, browserVersion] = ['Firefox', pick(/Firefox\/([\d.]+)/)!];
  else if (chrome) [browserName, browserVersion] = ['Chrome', chrome];
  else if (/Safari\//.test(ua) && pick(/Version\/([\d.]+)/)) [browserName, browserVersion] = ['Safari', pick(/Version\/([\d.]+)/)!];
  const osName = /Windows NT 10/.test(ua)
    ? 'Windows 10/11'
    : /Windows NT 6\.1/.test(ua)
      ? 'Windows 7'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Android/.test(ua)
          ? 'Android'
          : /iPhone|iPad/.test(ua)
            ? 'iOS'
            : /Mac OS X/.test(ua)
              ? 'macOS'
              : /Linux/.test(ua)
                ? 'Linux'
                : '';
  return { browserName, browserVersion, osName };
}
