import { quoteTableName } from '../sources/quote-table-name';
import { csvField, quoteableColumns, type PgSession } from './pg-copy';
import type { TableWriter, TargetColumn, TargetTable } from './target-db';

/**
 * The `staged` PostgreSQL writer (see `PgMethod` in target-db.ts): each chunk is COPYed into a temp table with
 * the target's column types, then INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING the keys into
 * golive_batch_key. `stage` names the temp table (unique per connection).
 */
export async function openStagedWriter(
  session: PgSession,
  table: TargetTable,
  columns: TargetColumn[],
  batchId: string,
  chunkRows: number,
  stage: string,
): Promise<TableWriter> {
  const colList = columns.map((c) => quoteTableName(c.name)).join(', ');
  const keyList = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
  // The staging table has the target's column types (as LIKE would give) but none of its
  // constraints or defaults: values were checked in JS, and ON CONFLICT decides at the target.
  await session.query(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${colList} FROM ${table.sql} WITH NO DATA`);
  const insertSql =
    `WITH ins AS (INSERT INTO ${table.sql} (${colList}) SELECT ${colList} FROM ${stage} ON CONFLICT DO NOTHING RETURNING ${keyList}) ` +
    `INSERT INTO golive_batch_key (batch_id, table_name, key_json) SELECT $1, $2, json_build_array(${keyList})::text FROM ins`;
  const quoteable = quoteableColumns(columns);
  const width = columns.length;
  let stream: ReturnType<PgSession['copyFrom']> | undefined;
  let rowsInChunk = 0;
  let staged = 0;
  let loaded = 0;
  let failure: unknown;
  let signalFailure = (): void => {};
  const failed = new Promise<void>((done) => (signalFailure = done));
  // One connection, one transaction: the statements run strictly in order, chained here so the
  // server inserts one chunk while the next is being read and checked in JS.
  let tail: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>): void => {
    tail = tail
      .then(() => (failure ? undefined : step()))
      .catch((error: unknown) => {
        failure ??= error;
        signalFailure();
      });
  };
  const endChunk = (): void => {
    if (!stream) return;
    const current = stream;
    stream = undefined;
    rowsInChunk = 0;
    current.end();
    enqueue(async () => {
      const result = await session.client.query(insertSql, [batchId, table.name]);
      loaded += result.rowCount ?? 0;
      await session.client.query(`TRUNCATE ${stage}`);
    });
  };
  /** Appends COPY text for `count` rows to the current chunk's COPY into the stage. */
  const writeStage = async (payload: string | Buffer, count: number): Promise<void> => {
    if (!stream) {
      // Created now and written at once; pg-copy-streams buffers until the COPY is submitted.
      const s = session.copyFrom(`COPY ${stage} (${colList}) FROM STDIN WITH (FORMAT csv)`);
      const copied = new Promise<void>((done, fail) => {
        s.on('finish', () => {
          staged += s.rowCount;
          done();
        });
        s.on('error', fail);
      });
      copied.catch(() => {});
      stream = s;
      enqueue(() => {
        session.client.query(s);
        return copied;
      });
    }
    const current = stream;
    current.write(payload);
    rowsInChunk += count;
    // Bounded buffering: a COPY waiting behind the previous chunk's INSERT holds about one chunk.
    if (current.writableLength > 64 << 20) {
      await Promise.race([new Promise((done) => current.once('drain', done)), failed]);
      if (failure) throw failure;
    }
    if (rowsInChunk >= chunkRows) endChunk();
  };
  return {
    // The INSERT … RETURNING records the keys on the server: no encoded keys wanted.
    keyFormat: { wantKeys: false, json: () => '', needKeyTexts: false },
    async addRows(rows) {
      if (failure) throw failure;
      if (rows.length === 0) return;
      const lines: string[] = new Array<string>(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        let line = csvField(row[0], quoteable[0]);
        for (let c = 1; c < width; c++) line += `,${csvField(row[c], quoteable[c])}`;
        lines[r] = line;
      }
      await writeStage(`${lines.join('\n')}\n`, rows.length);
    },
    async addEncoded(encoded) {
      if (failure) throw failure;
      if (encoded.rows === 0) return;
      await writeStage(encoded.data, encoded.rows);
    },
    async settle() {
      endChunk();
      await tail;
      if (failure) throw failure;
    },
    async abort() {
      failure ??= new Error('load stopped');
      stream?.end();
      stream = undefined;
      await tail;
    },
    async finish() {
      endChunk();
      await tail;
      if (failure) throw failure;
      return { staged, loaded };
    },
  };
}
