import type { MappingEntry } from '../types';

/** How a target column is filled, or `none` for not at all. */
export type MappingKind = MappingEntry['kind'] | 'none';

/** A target column as the mapping shows it: required (primary key, or NOT NULL without default) and a type hint. */
export interface TargetColumn {
  name: string;
  required: boolean;
  hint: string;
}

/** One editable mapping row per target column. */
export interface MappingRow {
  target: string;
  kind: MappingKind;
  source: string;
  value: string;
  /** "A=重点; B=普通" */
  values: string;
  objectId: string;
  required: boolean;
  hint: string;
}

function parseValueMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[;；\n]/)) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

function formatValueMap(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** A row per target column (then per mapped target no longer among them), filled from the existing mapping. */
export function rowsFor(columns: TargetColumn[], mapping: MappingEntry[]): MappingRow[] {
  const byTarget = new Map(mapping.map((m) => [m.target, m]));
  const names = [...columns.map((c) => c.name), ...mapping.map((m) => m.target).filter((t) => !columns.some((c) => c.name === t))];
  return names.map((name) => {
    const entry = byTarget.get(name);
    const column = columns.find((c) => c.name === name);
    return {
      target: name,
      kind: entry?.kind ?? 'none',
      source: entry && 'source' in entry ? entry.source : '',
      value: entry?.kind === 'constant' ? entry.value : '',
      values: entry?.kind === 'value_map' ? formatValueMap(entry.values) : '',
      objectId: entry?.kind === 'key_map' ? entry.objectId : '',
      required: column?.required ?? false,
      hint: column?.hint ?? '',
    };
  });
}

/** The mapping entry a row stands for, or null when it is not complete (no source, no object). */
export function toEntry(row: MappingRow): MappingEntry | null {
  switch (row.kind) {
    case 'column':
      return row.source ? { kind: 'column', target: row.target, source: row.source } : null;
    case 'constant':
      return { kind: 'constant', target: row.target, value: row.value };
    case 'value_map':
      return row.source ? { kind: 'value_map', target: row.target, source: row.source, values: parseValueMap(row.values) } : null;
    case 'key_map':
      return row.source && row.objectId ? { kind: 'key_map', target: row.target, source: row.source, objectId: row.objectId } : null;
    default:
      return null;
  }
}

/** The complete entries of the rows. */
export function toEntries(rows: MappingRow[]): MappingEntry[] {
  return rows.map(toEntry).filter((e): e is MappingEntry => e !== null);
}
