import type { z } from 'zod';
import type { Locale } from '../app-error';
import { labelOf } from './field-labels';

type Schema = z.core.$ZodType;

/** How a path segment is reached from its parent: an object field, a list item, a record key. */
type StepKind = 'field' | 'item' | 'key';

/**
 * The schemas a schema stands for: itself first, then what optional/nullable/default/readonly/catch
 * wrappers, pipes (transforms) and lazy schemas wrap. A label may sit on any layer.
 */
export function layers(schema: Schema): Schema[] {
  const out: Schema[] = [];
  const queue: Schema[] = [schema];
  while (queue.length > 0 && out.length < 32) {
    const current = queue.shift()!;
    if (out.includes(current)) continue;
    out.push(current);
    const s = current as z.core.$ZodTypes;
    const def = s._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
      case 'success':
      case 'promise':
        queue.push(def.innerType);
        break;
      case 'pipe':
        queue.push(def.in, def.out);
        break;
      case 'lazy':
        queue.push(def.getter());
        break;
    }
  }
  return out;
}

/** The label on the schema or on anything it wraps (the outermost wins). */
export function ownLabel(schema: Schema, locale: Locale): string | undefined {
  for (const layer of layers(schema)) {
    const label = labelOf(layer, locale);
    if (label) return label;
  }
  return undefined;
}

/** The schema one path segment below `schema`, and how it was reached. */
export function stepInto(schema: Schema, segment: PropertyKey): { kind: StepKind; schema: Schema } | undefined {
  for (const layer of layers(schema)) {
    const s = layer as z.core.$ZodTypes;
    const def = s._zod.def;
    switch (def.type) {
      case 'object': {
        const child = typeof segment === 'string' && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
        if (child) return { kind: 'field', schema: child };
        if (def.catchall) return { kind: 'key', schema: def.catchall };
        break;
      }
      case 'array':
        if (typeof segment === 'number') return { kind: 'item', schema: def.element };
        break;
      case 'set':
        return { kind: 'item', schema: def.valueType };
      case 'tuple': {
        const item = typeof segment === 'number' ? (def.items[segment] ?? def.rest) : undefined;
        if (item) return { kind: 'item', schema: item };
        break;
      }
      case 'record':
      case 'map':
        return { kind: 'key', schema: def.valueType };
      case 'union': {
        for (const option of def.options) {
          const found = stepInto(option, segment);
          if (found) return found;
        }
        break;
      }
      case 'intersection': {
        const found = stepInto(def.left, segment) ?? stepInto(def.right, segment);
        if (found) return found;
        break;
      }
    }
  }
  return undefined;
}

function lowerFirst(text: string): string {
  // "ERP role" keeps its capitals; "Name" becomes "name" in the middle of a phrase.
  return /^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

function appendStep(phrase: string, kind: StepKind, part: string, locale: Locale): string {
  if (locale === 'zh-CN') {
    if (kind === 'item') return `${phrase}第 ${part} 项`;
    if (kind === 'key') return `${phrase}中的“${part}”`;
    return phrase ? `${phrase}的${part}` : part;
  }
  if (kind === 'item') return `${phrase} item ${part}`;
  if (kind === 'key') return `${phrase} "${part}"`;
  return phrase ? `${phrase} ${lowerFirst(part)}` : part;
}

/**
 * The human name of the field at `path` under `root`, composed from the labels along the way:
 * "目标描述", "角色第 3 项的名称" / "Roles item 3 name". Undefined when a field on the way has no
 * label (the message then names the path) or the path leaves the schema.
 */
export function labelAtPath(root: Schema, path: readonly PropertyKey[], locale: Locale): string | undefined {
  let current = root;
  let phrase = '';
  for (const segment of path) {
    const step = stepInto(current, segment);
    if (!step) return undefined;
    if (step.kind === 'field') {
      const label = ownLabel(step.schema, locale);
      if (!label) return undefined;
      phrase = appendStep(phrase, 'field', label, locale);
    } else {
      if (!phrase) return undefined;
      const part = step.kind === 'item' && typeof segment === 'number' ? String(segment + 1) : String(segment);
      phrase = appendStep(phrase, step.kind, part, locale);
    }
    current = step.schema;
  }
  return phrase || undefined;
}
