import type { z } from 'zod';
import { layers, ownLabel } from './label-path';

/**
 * Dotted paths (`roles.[].name`) of the object fields under `schema` that have no label, so a
 * validation message about them would have to name the JSON key. Walks nested objects, list
 * items, records, unions and intersections; each field needs both a zh-CN and an en label.
 */
export function unlabelledFields(schema: z.core.$ZodType, prefix = '', seen = new Set<z.core.$ZodType>()): string[] {
  const missing: string[] = [];
  for (const layer of layers(schema)) {
    if (seen.has(layer)) continue;
    seen.add(layer);
    const def = (layer as z.core.$ZodTypes)._zod.def;
    switch (def.type) {
      case 'object':
        for (const [key, field] of Object.entries(def.shape)) {
          const path = prefix ? `${prefix}.${key}` : key;
          if (!ownLabel(field, 'zh-CN') || !ownLabel(field, 'en')) missing.push(path);
          missing.push(...unlabelledFields(field, path, seen));
        }
        break;
      case 'array':
        missing.push(...unlabelledFields(def.element, `${prefix}.[]`, seen));
        break;
      case 'set':
        missing.push(...unlabelledFields(def.valueType, `${prefix}.[]`, seen));
        break;
      case 'tuple':
        for (const item of def.items) missing.push(...unlabelledFields(item, `${prefix}.[]`, seen));
        break;
      case 'record':
      case 'map':
        missing.push(...unlabelledFields(def.valueType, `${prefix}.*`, seen));
        break;
      case 'union':
        for (const option of def.options) missing.push(...unlabelledFields(option, prefix, seen));
        break;
      case 'intersection':
        missing.push(...unlabelledFields(def.left, prefix, seen), ...unlabelledFields(def.right, prefix, seen));
        break;
    }
  }
  return [...new Set(missing)];
}
