import type { z } from 'zod';
import { layers, ownLabel } from './label-path';

/** One object field found under a schema, with its labels (undefined where missing). */
export interface FieldLabelEntry {
  /** Dotted path; `[]` stands for any list item, `*` for any record key: `roles.[].name`. */
  path: string;
  zhCN: string | undefined;
  en: string | undefined;
}

/**
 * Every object field under `schema` with its labels: nested objects, list items, records, unions
 * and intersections included, each schema visited once.
 */
export function fieldLabelEntries(schema: z.core.$ZodType, prefix = '', seen = new Set<z.core.$ZodType>()): FieldLabelEntry[] {
  const found: FieldLabelEntry[] = [];
  const below = (child: z.core.$ZodType, path: string) => found.push(...fieldLabelEntries(child, path, seen));
  for (const layer of layers(schema)) {
    if (seen.has(layer)) continue;
    seen.add(layer);
    const def = (layer as z.core.$ZodTypes)._zod.def;
    switch (def.type) {
      case 'object':
        for (const [key, field] of Object.entries(def.shape)) {
          const path = prefix ? `${prefix}.${key}` : key;
          found.push({ path, zhCN: ownLabel(field, 'zh-CN'), en: ownLabel(field, 'en') });
          below(field, path);
        }
        break;
      case 'array':
        below(def.element, `${prefix}.[]`);
        break;
      case 'set':
        below(def.valueType, `${prefix}.[]`);
        break;
      case 'tuple':
        for (const item of def.items) below(item, `${prefix}.[]`);
        break;
      case 'record':
      case 'map':
        below(def.valueType, `${prefix}.*`);
        break;
      case 'union':
        for (const option of def.options) below(option, prefix);
        break;
      case 'intersection':
        below(def.left, prefix);
        below(def.right, prefix);
        break;
    }
  }
  return found;
}

/**
 * Dotted paths (`roles.[].name`) of the object fields under `schema` that lack a zh-CN or an en
 * label, so a validation message about them would have to name the JSON key.
 */
export function unlabelledFields(schema: z.core.$ZodType): string[] {
  return [...new Set(fieldLabelEntries(schema).flatMap((f) => (f.zhCN && f.en ? [] : [f.path])))];
}
