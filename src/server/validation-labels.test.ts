import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelled } from '../shared/validation/field-labels';
import { englishWordsIn } from '../../test/zh-message-check';
import { fieldLabelEntries, unlabelledFields } from '../shared/validation/label-coverage';
import { buildOpenApiDocument } from './app';
import { ROUTE_CATALOG } from './define-route';
import { schemaForTarget } from './validation-error';

// Registering the routes (as the OpenAPI document does) fills ROUTE_CATALOG with every route.
buildOpenApiDocument('test');

/** What the validators check that a user fills in: JSON and form bodies, query strings. */
const TARGETS = ['json', 'form', 'query'] as const;

describe('validation messages name every request field by its label', () => {
  it('finds the registered routes', () => {
    expect(ROUTE_CATALOG.length).toBeGreaterThan(100);
    expect(ROUTE_CATALOG.filter((e) => schemaForTarget(e.request, 'json')).length).toBeGreaterThan(50);
  });

  it('has a zh-CN and an en label on every field of every request body and query', () => {
    const missing = ROUTE_CATALOG.flatMap((entry) =>
      TARGETS.flatMap((target) => {
        const schema = schemaForTarget(entry.request, target);
        const fields = schema ? unlabelledFields(schema) : [];
        return fields.length ? [`${entry.method} ${entry.path} [${target}]: ${fields.join(', ')}`] : [];
      }),
    );
    // Fix: wrap the field's schema in labelled(…, fieldLabel('<UI term>', '<English term>')), outermost.
    expect(missing).toEqual([]);
  });

  it('words the zh-CN labels in Chinese (they open every zh-CN validation message)', () => {
    const english = ROUTE_CATALOG.flatMap((entry) =>
      TARGETS.flatMap((target) => {
        const schema = schemaForTarget(entry.request, target);
        return (schema ? fieldLabelEntries(schema) : []).flatMap((f) => {
          const words = englishWordsIn(f.zhCN ?? '');
          return words.length ? [`${entry.method} ${entry.path} ${f.path}: “${f.zhCN}” (${words.join(', ')})`] : [];
        });
      }),
    );
    expect([...new Set(english)]).toEqual([]);
  });

  it('would notice a field without a label, nested ones included', () => {
    const schema = z.object({
      name: labelled(z.string(), { 'zh-CN': '名称', en: 'Name' }),
      note: z.string(),
      items: labelled(z.array(z.object({ code: z.string() })), { 'zh-CN': '明细', en: 'Items' }).optional(),
    });
    expect(unlabelledFields(schema)).toEqual(['note', 'items.[].code']);
  });
});
