import { addCalendarDays } from '../../engines/calendar';
import type { Locale } from '../../shared/app-error';
import { MODULE_LABELS } from '../blueprint/blueprint-labels';
import type { ErpModule } from '../projects/project.schema';
import type { WaveProposal } from './wave.schema';

/**
 * Module groups in the order the method rolls them out after the pilot: the front office first (a
 * visible quick win for the pilot), then the financial backbone, then supply chain, production and
 * HR. Departments are matched to modules by the words Chinese companies name them with.
 */
const MODULE_GROUPS: readonly { modules: readonly ErpModule[]; words: readonly string[] }[] = [
  { modules: ['sales', 'crm'], words: ['销售', '市场', '客服', '营销', '客户', 'sales', 'crm'] },
  { modules: ['finance'], words: ['财务', '会计', '资金', 'finance', 'account'] },
  { modules: ['purchasing', 'inventory'], words: ['采购', '仓', '库存', '物流', '供应', 'purchas', 'warehouse', 'logistic'] },
  { modules: ['production', 'quality'], words: ['生产', '车间', '制造', '工厂', '质量', '质检', '品管', 'product', 'quality'] },
  { modules: ['hr'], words: ['人力', '人事', '行政', 'hr', 'human'] },
];

/** Weeks the method gives a pilot (1–2 months), the optimisation after it, and each later wave. */
const PILOT_WEEKS = 8;
const ITERATION_WEEKS = 4;
const WAVE_WEEKS = 6;

/** What the wizard proposes from. */
export interface ProposalInput {
  /** The project's modules in scope. */
  modulesInScope: readonly ErpModule[];
  /** Departments found in the assessment (roles and process maps), with how many roles each has. */
  departments: readonly { name: string; roles: number }[];
  /** The first day of the rollout (the plan's start). */
  startDate: string;
  /** The project's planned go-live, to warn when the waves do not fit before it. */
  plannedGoLive: string | null;
}

const TEXT = {
  pilotName: { 'zh-CN': '试点：{department}', en: 'Pilot: {department}' },
  waveName: { 'zh-CN': '第 {n} 批推广：{departments}', en: 'Wave {n}: {departments}' },
  pilotReason: {
    'zh-CN': '试点先行：选一个典型部门（{department}，{roles} 个岗位）上线核心模块，1–2 个月内收集反馈并形成标准模板',
    en: 'Pilot first: one typical department ({department}, {roles} roles) goes live on the core modules; 1–2 months to gather feedback and build the standard template',
  },
  waveReason: {
    'zh-CN': '按模块顺序推广（{modules}），沿用试点形成的标准模板，安排专人驻场支持',
    en: 'Rolled out by module order ({modules}), reusing the pilot template, with on-site support',
  },
  noDepartments: {
    'zh-CN': '现状调研中还没有部门（岗位或流程图），无法按部门划分批次：请先在“现状调研”中录入岗位',
    en: 'The assessment has no departments yet (roles or process maps), so waves cannot be split by department: record the roles first',
  },
  noModules: {
    'zh-CN': '项目还没有设置实施范围（模块）：请先在项目信息中选择模块',
    en: 'The project has no modules in scope yet: choose them in the project information first',
  },
  unmatched: {
    'zh-CN': '这些部门无法对应到实施范围内的模块，已放入最后一批，请确认：{departments}',
    en: 'These departments match no module in scope and were put in the last wave; please check: {departments}',
  },
  late: {
    'zh-CN': '按方法论的节奏，最后一批上线日期 {date} 晚于项目计划上线日期 {planned}',
    en: "At the method's pace the last wave goes live on {date}, after the project's planned go-live {planned}",
  },
} as const;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

function groupOf(department: string, inScope: ReadonlySet<ErpModule>): number {
  const lower = department.toLowerCase();
  return MODULE_GROUPS.findIndex((g) => g.modules.some((m) => inScope.has(m)) && g.words.some((w) => lower.includes(w)));
}

/**
 * Proposes a pilot and later waves: the pilot is the front-office department (else the first group
 * that has one) of typical size — the median by number of roles, not the biggest — on the group's
 * modules in scope; later waves follow the module groups' order, one wave per group, each with the
 * departments of that group. Dates follow the method's pace from the start date: 8 weeks of pilot,
 * 4 weeks of optimisation, then 6 weeks per wave. The caller stores nothing until the user applies it.
 */
export function proposeWaves(input: ProposalInput, locale: Locale): { waves: WaveProposal[]; warnings: string[] } {
  const warnings: string[] = [];
  if (input.modulesInScope.length === 0) warnings.push(TEXT.noModules[locale]);
  if (input.departments.length === 0) warnings.push(TEXT.noDepartments[locale]);
  if (warnings.length > 0) return { waves: [], warnings };
  const inScope = new Set(input.modulesInScope);
  const byGroup = new Map<number, { name: string; roles: number }[]>();
  for (const d of input.departments) {
    const g = groupOf(d.name, inScope);
    byGroup.set(g, [...(byGroup.get(g) ?? []), d]);
  }
  const groups = [...byGroup.keys()].filter((g) => g >= 0).sort((a, b) => a - b);
  const modulesOf = (g: number) => MODULE_GROUPS[g]!.modules.filter((m) => inScope.has(m));
  const waves: WaveProposal[] = [];
  let cursor = input.startDate;
  const weeks = (w: number) => {
    const start = cursor;
    const goLive = addCalendarDays(start, w * 7 - 1);
    return { start, goLive };
  };
  if (groups.length > 0) {
    const pilotGroup = groups[0]!;
    const candidates = [...byGroup.get(pilotGroup)!].sort((a, b) => a.roles - b.roles || a.name.localeCompare(b.name));
    const pilot = candidates[Math.floor((candidates.length - 1) / 2)]!;
    const span = weeks(PILOT_WEEKS);
    waves.push({
      name: fill(TEXT.pilotName[locale], { department: pilot.name }),
      kind: 'pilot',
      departments: [pilot.name],
      modules: modulesOf(pilotGroup),
      plannedStart: span.start,
      goLiveDate: span.goLive,
      reason: fill(TEXT.pilotReason[locale], { department: pilot.name, roles: pilot.roles }),
    });
    cursor = addCalendarDays(span.goLive, 1 + ITERATION_WEEKS * 7);
    const rest = candidates.filter((c) => c !== pilot);
    if (rest.length > 0) byGroup.set(pilotGroup, rest);
    else groups.shift();
  }
  const unmatched = byGroup.get(-1) ?? [];
  for (const [i, g] of groups.entries()) {
    const departments = byGroup.get(g)!.map((d) => d.name);
    if (i === groups.length - 1) departments.push(...unmatched.map((d) => d.name));
    waves.push(makeWave(waves.length, departments, modulesOf(g), weeks(WAVE_WEEKS), locale));
    cursor = addCalendarDays(waves.at(-1)!.goLiveDate!, 1);
  }
  if (groups.length === 0 && unmatched.length > 0)
    waves.push(
      makeWave(
        waves.length,
        unmatched.map((d) => d.name),
        [...input.modulesInScope],
        weeks(WAVE_WEEKS),
        locale,
      ),
    );
  if (unmatched.length > 0) warnings.push(fill(TEXT.unmatched[locale], { departments: unmatched.map((d) => d.name).join('、') }));
  const last = waves.at(-1)?.goLiveDate;
  if (last && input.plannedGoLive && last > input.plannedGoLive)
    warnings.push(fill(TEXT.late[locale], { date: last, planned: input.plannedGoLive }));
  return { waves, warnings };
}

function makeWave(
  n: number,
  departments: string[],
  modules: ErpModule[],
  span: { start: string; goLive: string },
  locale: Locale,
): WaveProposal {
  return {
    name: fill(TEXT.waveName[locale], { n, departments: departments.join(locale === 'zh-CN' ? '、' : ', ') }),
    kind: 'wave',
    departments,
    modules,
    plannedStart: span.start,
    goLiveDate: span.goLive,
    reason: fill(TEXT.waveReason[locale], {
      modules: modules.map((m) => MODULE_LABELS[m]?.[locale] ?? m).join(locale === 'zh-CN' ? '、' : ', '),
    }),
  };
}
