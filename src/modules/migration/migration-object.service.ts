import type { Db, DbExecutor } from '../../db/connection';
import type { MigrationObjectTable } from '../../db/schema-migration';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { connectionNamesById, findConnectionRef } from '../cutover/connection-contract';
import { dataAssetNamesById } from '../data-assets/data-asset-contract';
import { getProjectRow } from '../projects/project.service';
import { uploadExists, uploadNamesById } from '../uploads/upload-contract';
import { listRealMigrationBatchRows } from './migration-batch.repository';
import { deleteKeyMapRowsOfObject } from './migration-key-map.repository';
import {
  deleteMigrationObjectById,
  findMigrationObjectRow,
  insertMigrationObject,
  listMigrationObjectRows,
  updateMigrationObjectById,
} from './migration-object.repository';
import { cycleError, deriveLoadOrder, findDependencyCycle } from './migration-order';
import type {
  CreateObjectInput,
  MappingEntry,
  MigrationCategory,
  MigrationSource,
  MigrationTarget,
  ObjectView,
  PlanView,
  UpdateObjectInput,
} from './migration.schema';

/** A stored object with its JSON columns parsed. */
export interface MigrationObject {
  row: MigrationObjectTable;
  dependsOn: string[];
  source: MigrationSource | null;
  target: MigrationTarget | null;
  mapping: MappingEntry[];
  keyColumns: string[];
  sumColumns: string[];
}

/** Parses the JSON columns of an object row. */
export function parseObject(row: MigrationObjectTable): MigrationObject {
  return {
    row,
    dependsOn: JSON.parse(row.depends_on) as string[],
    source: row.source ? (JSON.parse(row.source) as MigrationSource) : null,
    target: row.target ? (JSON.parse(row.target) as MigrationTarget) : null,
    mapping: JSON.parse(row.mapping) as MappingEntry[],
    keyColumns: JSON.parse(row.key_columns) as string[],
    sumColumns: JSON.parse(row.sum_columns) as string[],
  };
}

/** All objects of a project, by name. */
export async function listObjectRows(db: DbExecutor, projectId: string): Promise<MigrationObject[]> {
  return (await listMigrationObjectRows(db, projectId)).map(parseObject);
}

/** One object or NOT_FOUND. */
export async function getObjectRow(db: DbExecutor, projectId: string, objectId: string): Promise<MigrationObject> {
  const row = await findMigrationObjectRow(db, projectId, objectId);
  if (!row) throw notFound('migration_object', objectId);
  return parseObject(row);
}

interface LabelContext {
  assets: Map<string, string>;
  uploads: Map<string, string>;
  connections: Map<string, string>;
}

async function labelContext(db: DbExecutor, projectId: string): Promise<LabelContext> {
  const [assets, uploads, connections] = await Promise.all([
    dataAssetNamesById(db, projectId),
    uploadNamesById(db, projectId),
    connectionNamesById(db, projectId),
  ]);
  return {
    assets,
    uploads,
    connections,
  };
}

/** A short label of a source, e.g. "客户档案（清洗后）" or "customers.csv". */
export function sourceLabel(source: MigrationSource | null, ctx: LabelContext, locale: Locale): string | null {
  if (!source) return null;
  if (source.type === 'asset') {
    const name = ctx.assets.get(source.assetId) ?? source.assetId;
    return source.cleansed ? `${name}${locale === 'en' ? ' (cleansed)' : '（清洗后）'}` : name;
  }
  const name = ctx.uploads.get(source.uploadId) ?? source.uploadId;
  return source.sheet ? `${name}#${source.sheet}` : name;
}

/** A short label of a target, e.g. "新系统导入库 · customer" or "CSV 导入模板（5 列）". */
export function targetLabel(target: MigrationTarget | null, ctx: LabelContext, locale: Locale): string | null {
  if (!target) return null;
  if (target.type === 'connection') return `${ctx.connections.get(target.connectionId) ?? target.connectionId} · ${target.table}`;
  const format = target.format.toUpperCase();
  return locale === 'en'
    ? `${format} import template (${target.columns.length} columns)`
    : `${format} 导入模板（${target.columns.length} 列）`;
}

/** Why an object cannot run yet (empty when it can). */
export function objectIssues(object: MigrationObject, locale: Locale): string[] {
  const en = locale === 'en';
  const issues: string[] = [];
  if (!object.source) issues.push(en ? 'No data source configured' : '未配置数据源');
  if (!object.target) issues.push(en ? 'No target configured' : '未配置迁移目标');
  if (object.mapping.length === 0) issues.push(en ? 'No field mapping' : '未配置字段映射');
  return issues;
}

async function presentAll(db: DbExecutor, projectId: string, objects: MigrationObject[], locale: Locale): Promise<ObjectView[]> {
  const ctx = await labelContext(db, projectId);
  const names = new Map(objects.map((o) => [o.row.id, o.row.name]));
  const last = await listRealMigrationBatchRows(db, projectId);
  const lastByObject = new Map(last.filter((b) => b.object_id).map((b) => [b.object_id!, b]));
  return objects.map((o) => {
    const b = lastByObject.get(o.row.id);
    return {
      id: o.row.id,
      projectId: o.row.project_id,
      name: o.row.name,
      category: o.row.category as MigrationCategory,
      sortWeight: o.row.sort_weight,
      description: o.row.description,
      dependsOn: o.dependsOn.map((id) => ({ id, name: names.get(id) ?? id })),
      source: o.source,
      sourceLabel: sourceLabel(o.source, ctx, locale),
      target: o.target,
      targetLabel: targetLabel(o.target, ctx, locale),
      mapping: o.mapping,
      keyColumns: o.keyColumns,
      sumColumns: o.sumColumns,
      onError: o.row.on_error as 'skip' | 'stop',
      batchSize: o.row.batch_size,
      issues: objectIssues(o, locale),
      lastBatch: b
        ? { id: b.id, runId: b.run_id, status: b.status, loaded: b.loaded === null ? null : Number(b.loaded), finishedAt: b.finished_at }
        : null,
      createdAt: o.row.created_at,
      updatedAt: o.row.updated_at,
    };
  });
}

/** A project's migration objects, by name. */
export async function listObjects(db: Db, projectId: string, locale: Locale): Promise<ObjectView[]> {
  await getProjectRow(db.kysely, projectId);
  return presentAll(db.kysely, projectId, await listObjectRows(db.kysely, projectId), locale);
}

/** One object. */
export async function getObject(db: DbExecutor, projectId: string, objectId: string, locale: Locale): Promise<ObjectView> {
  const all = await listObjectRows(db, projectId);
  const found = all.find((o) => o.row.id === objectId);
  if (!found) throw notFound('migration_object', objectId);
  return (await presentAll(db, projectId, all, locale)).find((v) => v.id === objectId)!;
}

/** The stored shape of an object's editable fields. */
type Fields = Omit<CreateObjectInput, 'name'> & { name: string };

/** Checks references and rules of an object's fields against the project; throws naming the field. */
async function validateFields(tx: DbExecutor, projectId: string, objectId: string, fields: Fields): Promise<void> {
  const others = (await listObjectRows(tx, projectId)).filter((o) => o.row.id !== objectId);
  if (others.some((o) => o.row.name === fields.name)) {
    throw new AppError('MIGRATION_OBJECT_NAME_TAKEN', { name: fields.name }, [{ field: 'name' }]);
  }
  const ids = new Set(others.map((o) => o.row.id));
  fields.dependsOn.forEach((dep, i) => {
    if (dep === objectId) throw new AppError('MIGRATION_OBJECT_SELF_DEPENDENCY', { name: fields.name }, [{ field: `dependsOn[${i}]` }]);
    if (!ids.has(dep)) throw new AppError('MIGRATION_OBJECT_UNKNOWN', { id: dep }, [{ field: `dependsOn[${i}]` }]);
  });
  const twice = fields.dependsOn.find((dep, i) => fields.dependsOn.indexOf(dep) !== i);
  if (twice !== undefined) {
    const name = others.find((o) => o.row.id === twice)?.row.name ?? twice;
    throw new AppError('MIGRATION_DEPENDENCY_DUPLICATE', { name }, [{ field: 'dependsOn' }]);
  }
  const nodes = [
    ...others.map((o) => ({
      id: o.row.id,
      name: o.row.name,
      category: o.row.category as MigrationCategory,
      sortWeight: o.row.sort_weight,
      dependsOn: o.dependsOn,
    })),
    { id: objectId, name: fields.name, category: fields.category, sortWeight: fields.sortWeight, dependsOn: fields.dependsOn },
  ];
  const cycle = findDependencyCycle(nodes);
  if (cycle) throw cycleError(cycle);

  const source = fields.source;
  if (source?.type === 'upload') {
    if (!(await uploadExists(tx, projectId, source.uploadId))) {
      throw new AppError('MIGRATION_SOURCE_UPLOAD_UNKNOWN', { id: source.uploadId }, [{ field: 'source.uploadId' }]);
    }
  } else if (source?.type === 'asset') {
    const assets = await dataAssetNamesById(tx, projectId);
    if (!assets.has(source.assetId)) {
      throw new AppError('MIGRATION_SOURCE_ASSET_UNKNOWN', { id: source.assetId }, [{ field: 'source.assetId' }]);
    }
  }

  const target = fields.target;
  if (target?.type === 'connection') {
    const connection = await findConnectionRef(tx, projectId, target.connectionId);
    if (!connection) {
      throw new AppError('MIGRATION_TARGET_CONNECTION_UNKNOWN', { id: target.connectionId }, [{ field: 'target.connectionId' }]);
    }
    if (connection.kind !== 'postgres' && connection.kind !== 'sqlite') {
      throw new AppError('MIGRATION_TARGET_CONNECTION_KIND', { name: connection.name, kind: connection.kind }, [
        { field: 'target.connectionId' },
      ]);
    }
  } else if (target?.type === 'file') {
    const seen = new Set<string>();
    target.columns.forEach((c, i) => {
      if (seen.has(c)) throw new AppError('MIGRATION_TEMPLATE_COLUMN_DUPLICATE', { column: c }, [{ field: `target.columns[${i}]` }]);
      seen.add(c);
    });
    target.keyColumns.forEach((k, i) => {
      if (!seen.has(k)) {
        throw new AppError('MIGRATION_TEMPLATE_COLUMN_MISSING', { column: k, columns: target.columns.join(', ') }, [
          { field: `target.keyColumns[${i}]` },
        ]);
      }
    });
  }

  const targets = new Set<string>();
  fields.mapping.forEach((entry, i) => {
    if (targets.has(entry.target)) {
      throw new AppError('MIGRATION_MAPPING_TARGET_DUPLICATE', { column: entry.target }, [{ field: `mapping[${i}].target` }]);
    }
    targets.add(entry.target);
    if (target?.type === 'file' && !target.columns.includes(entry.target)) {
      throw new AppError('MIGRATION_TEMPLATE_COLUMN_MISSING', { column: entry.target, columns: target.columns.join(', ') }, [
        { field: `mapping[${i}].target` },
      ]);
    }
    if (entry.kind === 'key_map' && !fields.dependsOn.includes(entry.objectId)) {
      const name = others.find((o) => o.row.id === entry.objectId)?.row.name ?? entry.objectId;
      throw new AppError('MIGRATION_KEY_MAP_NOT_DEPENDENCY', { dependency: name, name: fields.name }, [
        { field: `mapping[${i}].objectId` },
      ]);
    }
  });
  fields.sumColumns.forEach((c, i) => {
    if (!targets.has(c)) throw new AppError('MIGRATION_SUM_COLUMN_UNMAPPED', { column: c }, [{ field: `sumColumns[${i}]` }]);
  });
}

function auditable(row: MigrationObjectTable): Record<string, unknown> {
  return { ...row };
}

/** Creates a migration object (409 on a duplicate name or a dependency cycle). */
export async function createObject(db: Db, actor: Actor, projectId: string, input: CreateObjectInput, locale: Locale): Promise<ObjectView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const id = newId();
    await validateFields(tx, projectId, id, input);
    const now = nowIso();
    const row: MigrationObjectTable = {
      id,
      project_id: projectId,
      name: input.name,
      category: input.category,
      sort_weight: input.sortWeight,
      description: input.description,
      depends_on: JSON.stringify(input.dependsOn),
      source: input.source ? JSON.stringify(input.source) : null,
      target: input.target ? JSON.stringify(input.target) : null,
      mapping: JSON.stringify(input.mapping),
      key_columns: JSON.stringify(input.keyColumns),
      sum_columns: JSON.stringify(input.sumColumns),
      on_error: input.onError,
      batch_size: input.batchSize,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertMigrationObject(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'migration_object', entityId: id, action: 'create', after: auditable(row) });
    return getObject(tx, projectId, id, locale);
  });
}

/** Changes an object; the whole result is validated again (dependencies, cycle, mapping). */
export async function updateObject(
  db: Db,
  actor: Actor,
  projectId: string,
  objectId: string,
  input: UpdateObjectInput,
  locale: Locale,
): Promise<ObjectView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getObjectRow(tx, projectId, objectId);
    const fields: Fields = {
      name: input.name ?? before.row.name,
      category: input.category ?? (before.row.category as MigrationCategory),
      sortWeight: input.sortWeight ?? before.row.sort_weight,
      description: input.description ?? before.row.description,
      dependsOn: input.dependsOn ?? before.dependsOn,
      source: input.source !== undefined ? input.source : before.source,
      target: input.target !== undefined ? input.target : before.target,
      mapping: input.mapping ?? before.mapping,
      keyColumns: input.keyColumns ?? before.keyColumns,
      sumColumns: input.sumColumns ?? before.sumColumns,
      onError: input.onError ?? (before.row.on_error as 'skip' | 'stop'),
      batchSize: input.batchSize ?? before.row.batch_size,
    };
    await validateFields(tx, projectId, objectId, fields);
    const after: MigrationObjectTable = {
      ...before.row,
      name: fields.name,
      category: fields.category,
      sort_weight: fields.sortWeight,
      description: fields.description,
      depends_on: JSON.stringify(fields.dependsOn),
      source: fields.source ? JSON.stringify(fields.source) : null,
      target: fields.target ? JSON.stringify(fields.target) : null,
      mapping: JSON.stringify(fields.mapping),
      key_columns: JSON.stringify(fields.keyColumns),
      sum_columns: JSON.stringify(fields.sumColumns),
      on_error: fields.onError,
      batch_size: fields.batchSize,
      updated_at: nowIso(),
    };
    const { id: _id, project_id: _p, created_at: _c, created_by: _b, ...changes } = after;
    await updateMigrationObjectById(tx, objectId, changes);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'migration_object',
      entityId: objectId,
      action: 'update',
      before: auditable(before.row),
      after: auditable(after),
    });
    return getObject(tx, projectId, objectId, locale);
  });
}

/** Deletes an object no other object depends on (409 naming the dependents otherwise). */
export async function deleteObject(db: Db, actor: Actor, projectId: string, objectId: string, locale: Locale): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getObjectRow(tx, projectId, objectId);
    const dependents = (await listObjectRows(tx, projectId)).filter((o) => o.dependsOn.includes(objectId)).map((o) => o.row.name);
    if (dependents.length > 0) {
      throw new AppError('MIGRATION_OBJECT_HAS_DEPENDENTS', {
        name: before.row.name,
        dependents: dependents.join(locale === 'en' ? ', ' : '、'),
      });
    }
    await deleteKeyMapRowsOfObject(tx, objectId);
    await deleteMigrationObjectById(tx, objectId);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'migration_object',
      entityId: objectId,
      action: 'delete',
      before: auditable(before.row),
    });
  });
}

/** The objects in load order with their dependency levels, or 409 naming a cycle. */
export async function orderedObjects(db: DbExecutor, projectId: string): Promise<{ object: MigrationObject; level: number }[]> {
  const objects = await listObjectRows(db, projectId);
  const nodes = objects.map((o) => ({
    id: o.row.id,
    name: o.row.name,
    category: o.row.category as MigrationCategory,
    sortWeight: o.row.sort_weight,
    dependsOn: o.dependsOn,
    object: o,
  }));
  return deriveLoadOrder(nodes).map(({ node, level }) => ({ object: node.object, level }));
}

/** The migration plan: load order, levels and dependency edges (for the graph). */
export async function getPlan(db: Db, projectId: string, locale: Locale): Promise<PlanView> {
  await getProjectRow(db.kysely, projectId);
  const ordered = await orderedObjects(db.kysely, projectId);
  return {
    order: ordered.map(({ object, level }, i) => ({
      seq: i + 1,
      id: object.row.id,
      name: object.row.name,
      category: object.row.category as MigrationCategory,
      level,
      dependsOn: object.dependsOn,
      ready: objectIssues(object, locale).length === 0,
    })),
    edges: ordered.flatMap(({ object }) => object.dependsOn.map((dep) => ({ from: dep, to: object.row.id }))),
  };
}
