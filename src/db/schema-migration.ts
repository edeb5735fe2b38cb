/** Table types of the migration module (see the storage conventions in schema.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- SCAFFOLD: filled by the module's owner
export interface MigrationTables {}
