import { quoteTableName } from '../sources/quote-table-name';
import { copyIn, csvField, quoteableColumns, type PgSession } from './pg-copy';
import { csvPieces, encodedKeyChunk, encodedPieces, jsonValueFn } from './pg-direct-pieces';
import type { EncodedRows, KeyLineFormat, TableWriter, TargetColumn, TargetTable } from './target-db';

/**
 * The `direct` PostgreSQL writer (see `PgMethod` in target-db.ts): the table is locked against other writers,
 * each chunk's keys are looked up (not when the table started empty) and only new rows are COPYed
 * into the table, their keys COPYed into golive_batch_key as one chunk line.
 */
export async function openDirectWriter(
  session: PgSession,
  table: TargetTable,
  columns: TargetColumn[],
  batchId: string,
  chunkRows: number,
): Promise<TableWriter> {
  const colList = columns.map((c) => quoteTableName(c.name)).join(', ');
  const quoteable = quoteableColumns(columns);
  const keyPositions = table.primaryKey.map((k) => columns.findIndex((c) => c.name === k));
  const keyJsonFns = keyPositions.map((p) => jsonValueFn(columns[p].type));
  const keyCasts = keyPositions.map((p) => columns[p].type.declared);
  // Nobody else may write the table until this transaction ends, so the key lookups stay true.
  await session.query(`LOCK TABLE ${table.sql} IN SHARE ROW EXCLUSIVE MODE`);
  const startedEmpty = (await session.query(`SELECT 1 AS one FROM ${table.sql} LIMIT 1`)).rows.length === 0;
  const lookup =
    `SELECT u.ord FROM unnest(${keyPositions.map((_p, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY ` +
    `AS u(${keyPositions.map((_p, i) => `k${i}`).join(', ')}, ord) JOIN ${table.sql} t ON ` +
    table.primaryKey.map((k, i) => `t.${quoteTableName(k)} = u.k${i}::${keyCasts[i]}`).join(' AND ');
  const copyTarget = `COPY ${table.sql} (${colList}) FROM STDIN WITH (FORMAT csv)`;
  const copyKeys = 'COPY golive_batch_key (batch_id, table_name, key_json) FROM STDIN WITH (FORMAT csv)';
  const keyPrefix = `${csvField(batchId, true)},${csvField(table.name, true)},`;
  let staged = 0;
  let loaded = 0;
  let failure: unknown;
  let inFlight = 0;
  let tail: Promise<void> = Promise.resolve();
  let buffer: (string | null)[][] = [];
  let encoded: EncodedRows[] = [];
  let encodedRows = 0;
  const keyFormat: KeyLineFormat = {
    wantKeys: true,
    json: (texts) => texts.map((t, k) => keyJsonFns[k](t)).join(','),
    needKeyTexts: !startedEmpty,
  };

  const writeEncoded = async (parts: EncodedRows[]): Promise<void> => {
    let skip: Set<number> | undefined;
    let rows = 0;
    for (const part of parts) rows += part.rows;
    if (!startedEmpty) {
      const params = keyPositions.map((_p, k) => parts.flatMap((part) => part.keyTexts![k]));
      const found = await session.client.query<{ ord: string }>(lookup, params);
      if (found.rows.length > 0) skip = new Set(found.rows.map((r) => Number(r.ord)));
    }
    const written = await copyIn(session, copyTarget, encodedPieces(parts, skip));
    const chunk = encodedKeyChunk(parts, skip, keyPrefix);
    if (chunk) await copyIn(session, copyKeys, [chunk.line]);
    staged += rows;
    loaded += written;
    if ((chunk?.keys ?? 0) !== written) throw new Error(`recorded ${chunk?.keys ?? 0} keys for ${written} rows`);
  };

  const writeChunk = async (rows: (string | null)[][]): Promise<void> => {
    let skip: Set<number> | undefined;
    if (!startedEmpty) {
      const params = keyPositions.map((p) => rows.map((row) => row[p]));
      const found = await session.client.query<{ ord: string }>(lookup, params);
      skip = new Set(found.rows.map((r) => Number(r.ord)));
    }
    const written = await copyIn(session, copyTarget, csvPieces(rows, skip, quoteable));
    const items: string[] = [];
    for (let r = 0; r < rows.length; r++) {
      if (skip?.has(r + 1)) continue;
      const row = rows[r];
      let json = keyJsonFns[0](row[keyPositions[0]]!);
      for (let k = 1; k < keyPositions.length; k++) json += `,${keyJsonFns[k](row[keyPositions[k]]!)}`;
      items.push(`[${json}]`);
    }
    if (items.length > 0) await copyIn(session, copyKeys, [`${keyPrefix}"[${items.join(',').replace(/"/g, '""')}]"\n`]);
    staged += rows.length;
    loaded += written;
    if (items.length !== written) throw new Error(`recorded ${items.length} keys for ${written} rows`);
  };

  const flush = async (): Promise<void> => {
    if (buffer.length === 0 && encoded.length === 0) return;
    const rows = buffer;
    const parts = encoded;
    buffer = [];
    encoded = [];
    encodedRows = 0;
    inFlight++;
    const previous = tail;
    tail = tail
      .then(async () => {
        if (failure) return;
        if (rows.length > 0) await writeChunk(rows);
        if (parts.length > 0) await writeEncoded(parts);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        inFlight--;
      });
    // Read ahead by at most one chunk while the server takes the previous one.
    if (inFlight > 1) await previous;
    if (failure) throw failure;
  };

  return {
    keyFormat,
    async addRows(rows) {
      if (failure) throw failure;
      for (const row of rows) buffer.push(row);
      if (buffer.length >= chunkRows) await flush();
    },
    async addEncoded(part) {
      if (failure) throw failure;
      if (part.rows === 0) return;
      encoded.push(part);
      encodedRows += part.rows;
      if (encodedRows >= chunkRows) await flush();
    },
    async settle() {
      await flush();
      await tail;
      if (failure) throw failure;
    },
    async abort() {
      failure ??= new Error('load stopped');
      buffer = [];
      encoded = [];
      await tail;
    },
    async finish() {
      await flush();
      await tail;
      if (failure) throw failure;
      return { staged, loaded };
    },
  };
}
