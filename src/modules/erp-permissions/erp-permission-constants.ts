/** Actions and data scopes of ERP functions (kept apart from the snapshot so every module can import them without cycles). */
export const FUNCTION_ACTIONS = ['view', 'create', 'edit', 'approve', 'delete', 'export'] as const;
export type FunctionAction = (typeof FUNCTION_ACTIONS)[number];
export const DATA_SCOPES = ['own', 'department', 'company'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
