import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './app';

/** Every object schema in the document, with the path it was found at. */
function objectSchemas(node: unknown, path: string, out: { path: string; properties: Record<string, unknown> }[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => objectSchemas(n, `${path}/${i}`, out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.properties && typeof record.properties === 'object')
    out.push({ path, properties: record.properties as Record<string, unknown> });
  for (const [key, value] of Object.entries(record)) objectSchemas(value, `${path}/${key}`, out);
}

describe('one source shape across the API', () => {
  it('names the kind of every upload or connection source `type`, never `kind`', () => {
    const found: { path: string; properties: Record<string, unknown> }[] = [];
    objectSchemas(buildOpenApiDocument('0.0.0'), '', found);
    const sources = found.filter((s) => 'uploadId' in s.properties || 'connectionId' in s.properties);
    expect(sources.length).toBeGreaterThan(3);
    const offenders = sources.filter((s) => 'kind' in s.properties).map((s) => s.path);
    expect(offenders).toEqual([]);
  });
});
