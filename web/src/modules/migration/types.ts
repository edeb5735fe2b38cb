/**
 * API types of 上线 → 数据迁移: aliases of the generated schema.gen.ts (the server's OpenAPI document,
 * from src/modules/migration/migration.schema.ts and migration.routes.ts), and the document's enums
 * as lists the compiler checks against it (see {@link enumValues}).
 */
import { enumValues, type Schemas } from '../../api/schema';

// ---- migration objects ----

export type MigrationObject = Schemas['MigrationObject'];
export type MigrationObjectInput = Schemas['CreateMigrationObject'];
export type MigrationObjectUpdate = Schemas['UpdateMigrationObject'];

/** Categories in load order: master data first, history last. */
export type MigrationCategory = MigrationObject['category'];
export const MIGRATION_CATEGORIES = enumValues<MigrationCategory>()(['master', 'opening', 'open_transactions', 'history']);

/** Where an object's rows come from: a data asset (`cleansed` defaults to false) or an upload. */
export type MigrationSource = Schemas['MigrationSource'];
/** Where an object's rows go: a connection's table or an import template file (`keyColumns` defaults to []). */
export type MigrationTarget = NonNullable<MigrationObject['target']>;
/** How one target column is filled. */
export type MappingEntry = Schemas['MigrationMappingEntry'];

/** A page of an object's legacy key → new key map. */
export type KeyMapPage = Schemas['MigrationKeyMapPage'];

// ---- plan, runs and their checks ----

export type MigrationPlan = Schemas['MigrationPlan'];
export type MigrationRun = Schemas['MigrationRun'];
export type MigrationBatch = Schemas['MigrationBatch'];
export type MigrationCheck = Schemas['MigrationCheck'];
export type MigrationRollback = Schemas['MigrationRollback'];
export type MigrationMode = MigrationRun['mode'];

/** A column of a connection's table, as the mapping needs it. */
export type TargetColumn = Schemas['MigrationTargetColumn'];

/** A data asset as the picker needs it (the data-assets module's list). */
export type AssetOption = Pick<Schemas['DataAsset'], 'id' | 'name'>;
