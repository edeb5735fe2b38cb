import { z } from 'zod';
import type { Locale } from '../app-error';

/** A field's name as the user sees it in the UI, per language ("目标描述" / "Goal statement"). */
export type FieldLabel = Readonly<Record<Locale, string>>;

/**
 * Labels of request fields. A zod registry rather than `.meta()`: the global registry feeds the
 * OpenAPI document, and labels are for messages only, so the document stays exactly as it was.
 */
const FIELD_LABELS = z.registry<FieldLabel>();

/**
 * Gives a request field its human label, so a validation message can say "目标描述不能为空" instead
 * of naming the JSON key. Returns a copy of `schema` (zod's `.clone()`: same definition, same OpenAPI
 * metadata) carrying the label; the copy keeps a shared schema such as `dateSchema` from taking the
 * label of whichever field was labelled last.
 *
 * Apply it last, around the finished field schema (after `.min()`, `.openapi()` …): those methods
 * build a new schema that does not inherit the label. Wrapping the result in `.optional()`,
 * `.nullable()` or `.default()` afterwards is fine; the lookup looks through such wrappers.
 */
export function labelled<T extends z.ZodType>(schema: T, label: FieldLabel): T {
  const copy = schema.clone();
  FIELD_LABELS.add(copy, label);
  return copy;
}

/** Shorthand for a {@link FieldLabel}: `fieldLabel('目标描述', 'Goal statement')`. */
export function fieldLabel(zhCN: string, en: string): FieldLabel {
  return { 'zh-CN': zhCN, en };
}

/** The label recorded for exactly this schema (or the schema it was cloned from), if any. */
export function labelOf(schema: z.core.$ZodType, locale: Locale): string | undefined {
  return FIELD_LABELS.get(schema)?.[locale];
}
