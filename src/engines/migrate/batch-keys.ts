import type { TargetDb } from './target-db';

/**
 * How golive_batch_key holds keys. A row's `key_json` is either one key — the JSON array of its
 * column values, `["C001"]` or `[7, "2024"]` — or, written by PostgreSQL direct loads, a chunk of
 * keys: a JSON array of such arrays, `[["C001"],["C002"]]` (one row per COPY chunk instead of one
 * per loaded row: recording a million keys row by row cost the server about as much again as the
 * data). Key values are scalars, so a chunk is the only `key_json` that starts with `[[`.
 */
export const KEY_CHUNK_START = '[[';

/**
 * SQL: a relation shaped like golive_batch_key (`batch_id`, `table_name`, `key_json` of ONE key)
 * with chunks unfolded, for reading keys back; alias it as you would the table. Filters on
 * `batch_id` / `table_name` reach the table's index.
 */
export function batchKeysRelation(dialect: TargetDb['dialect']): string {
  if (dialect === 'sqlite') return 'golive_batch_key';
  return (
    `(SELECT b.batch_id, b.table_name, e.value::text AS key_json FROM golive_batch_key b CROSS JOIN LATERAL json_array_elements(` +
    `CASE WHEN left(b.key_json, 2) = '${KEY_CHUNK_START}' THEN b.key_json::json ELSE json_build_array(b.key_json::json) END) AS e(value))`
  );
}

/** SQL: an aggregate counting the keys in the golive_batch_key rows it runs over (chunks counted by their length). */
export function batchKeyCountExpr(dialect: TargetDb['dialect']): string {
  if (dialect === 'sqlite') return 'count(*)';
  return `coalesce(sum(CASE WHEN left(key_json, 2) = '${KEY_CHUNK_START}' THEN json_array_length(key_json::json) ELSE 1 END), 0)`;
}
