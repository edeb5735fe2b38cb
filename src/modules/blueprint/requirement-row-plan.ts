import type { RequirementTable } from '../../db/schema-blueprint';
import type { ErrorDetail, Locale } from '../../shared/app-error';
import { ERP_MODULES } from '../projects/project.schema';
import {
  blueprintMessage,
  CONFIG_KIND_LABELS,
  labelOf,
  MODULE_LABELS,
  parseConfigKind,
  parseModule,
  parsePriority,
  parseResolution,
  PRIORITY_LABELS,
  RESOLUTION_LABELS,
} from './blueprint-labels';
import { checkResolutionRule } from './custom-dev-rule';
import { HEADER_OF, TEXT_LIMITS, type ColumnKey } from './requirement-workbook-columns';
import type { ParsedRow } from './requirement-workbook-read';
import { CONFIG_KINDS, PRIORITIES, RESOLUTIONS, type CreateRequirementInput } from './requirement.schema';

/** What an import does with one row: update `before` when it exists, otherwise insert. */
export interface RowPlan {
  row: number;
  before: RequirementTable | undefined;
  input: Omit<CreateRequirementInput, 'code'> & { code?: string };
}

/** Collects the errors of one row, each as `row:N:<header>` + reason. */
type AddError = (key: ColumnKey, reason: string) => void;

/** The values read from a row's choice and number cells (undefined: absent or invalid, keep; null: cleared). */
interface RowChoices {
  module: (typeof ERP_MODULES)[number] | null | undefined;
  priority: (typeof PRIORITIES)[number] | null | undefined;
  resolution: (typeof RESOLUTIONS)[number] | null | undefined;
  configKind: (typeof CONFIG_KINDS)[number] | null | undefined;
  effortDays: number | null | undefined;
}

/** The rule's detail fields → the column they are reported on. */
const HEADER_OF_RULE_FIELD: Record<string, ColumnKey> = {
  gapReason: 'gapReason',
  justification: 'justification',
  effortDays: 'effortDays',
  upgradeImpact: 'upgradeImpact',
  configKind: 'configKind',
  processChangeNote: 'processChangeNote',
};

/** Code format and uniqueness within the file; `seenCodes` collects code → first row. */
function checkCode(p: ParsedRow, seenCodes: Map<string, number>, err: AddError, locale: Locale): void {
  if (p.code === undefined) return;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,29}$/.test(p.code)) err('code', blueprintMessage('badCode', locale));
  const first = seenCodes.get(p.code);
  if (first !== undefined) err('code', blueprintMessage('duplicateCode', locale, { code: p.code, row: first }));
  else seenCodes.set(p.code, p.row);
}

/** Reads the label cells (module, priority, resolution, config kind) and the effort number. */
function readChoices(v: ParsedRow['values'], before: RequirementTable | undefined, err: AddError, locale: Locale): RowChoices {
  const choice = <T extends string>(
    key: ColumnKey,
    parse: (s: string) => T | undefined,
    labels: Record<string, Record<Locale, string>>,
    codes: readonly T[],
    required: boolean,
  ): T | null | undefined => {
    const cell = v[key];
    if (cell === undefined) return undefined; // column absent: keep / default
    if (!cell) {
      if (required && !before) err(key, blueprintMessage('required', locale));
      return required ? undefined : null;
    }
    const parsedValue = parse(cell);
    if (!parsedValue) {
      err(
        key,
        blueprintMessage('unknownValue', locale, { value: cell, allowed: codes.map((c) => labelOf(labels, c, 'zh-CN')).join('、') }),
      );
      return undefined;
    }
    return parsedValue;
  };
  const module = choice('module', parseModule, MODULE_LABELS, ERP_MODULES, true);
  const priority = choice('priority', parsePriority, PRIORITY_LABELS, PRIORITIES, true);
  const resolution = choice('resolution', parseResolution, RESOLUTION_LABELS, RESOLUTIONS, true);
  const configKind = choice('configKind', parseConfigKind, CONFIG_KIND_LABELS, CONFIG_KINDS, false);
  let effortDays: number | null | undefined;
  if (v.effortDays !== undefined) {
    if (!v.effortDays) effortDays = null;
    else {
      const n = Number(v.effortDays.replace(/,/g, ''));
      if (!Number.isFinite(n) || n < 0 || n > 100000) err('effortDays', blueprintMessage('notNumber', locale, { value: v.effortDays }));
      else effortDays = n;
    }
  }
  return { module, priority, resolution, configKind, effortDays };
}

/** The requirement the row describes: its cells where present, otherwise the existing values or the defaults. */
function mergeInput(p: ParsedRow, before: RequirementTable | undefined, c: RowChoices): RowPlan['input'] {
  const v = p.values;
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const stepChanged = before && v.processStepName !== undefined && v.processStepName !== before.process_step_name;
  const input = {
    code: p.code,
    title: pick(v.title || undefined, before?.title ?? ''),
    description: pick(v.description, before?.description ?? ''),
    module: pick(c.module ?? undefined, (before?.module ?? 'finance') as (typeof ERP_MODULES)[number]),
    department: pick(v.department, before?.department ?? ''),
    processMapId: stepChanged ? null : (before?.process_map_id ?? null),
    processElementId: stepChanged ? null : (before?.process_element_id ?? null),
    processStepName: pick(v.processStepName, before?.process_step_name ?? ''),
    priority: pick(c.priority ?? undefined, (before?.priority ?? 'should') as (typeof PRIORITIES)[number]),
    resolution: pick(c.resolution ?? undefined, (before?.resolution ?? 'standard') as (typeof RESOLUTIONS)[number]),
    configKind: c.configKind === undefined ? ((before?.config_kind ?? null) as (typeof CONFIG_KINDS)[number] | null) : c.configKind,
    processChangeNote: pick(v.processChangeNote, before?.process_change_note ?? ''),
    gapReason: pick(v.gapReason, before?.gap_reason ?? ''),
    justification: pick(v.justification, before?.justification ?? ''),
    effortDays: c.effortDays === undefined ? (before?.effort_days ?? null) : c.effortDays,
    upgradeImpact: pick(v.upgradeImpact, before?.upgrade_impact ?? ''),
    status: (before?.status ?? 'draft') as 'draft',
  };
  if (input.resolution !== 'configuration' && v.configKind === undefined) input.configKind = null;
  return input;
}

/**
 * Checks one row (code, text lengths, required cells, labels, numbers, the method's resolution rule)
 * and plans what the import does with it. `seenCodes` carries the codes of the rows before it.
 */
export function planRequirementRow(
  p: ParsedRow,
  before: RequirementTable | undefined,
  seenCodes: Map<string, number>,
  locale: Locale,
): { errors: ErrorDetail[]; plan: RowPlan } {
  const errors: ErrorDetail[] = [];
  const err: AddError = (key, reason) => errors.push({ field: `row:${p.row}:${HEADER_OF[key]}`, reason });
  const v = p.values;
  checkCode(p, seenCodes, err, locale);
  for (const [key, max] of Object.entries(TEXT_LIMITS) as [ColumnKey, number][]) {
    if ((v[key]?.length ?? 0) > max) err(key, blueprintMessage('tooLong', locale, { max }));
  }
  if (!v.title && !before) err('title', blueprintMessage('required', locale));
  const input = mergeInput(p, before, readChoices(v, before, err, locale));
  if (!errors.some((e) => /解决方式|配置类型/.test(e.field))) {
    for (const d of checkResolutionRule(input, locale)) err(HEADER_OF_RULE_FIELD[d.field] ?? 'resolution', d.reason);
  }
  return { errors, plan: { row: p.row, before, input } };
}
