import { ASSESSMENT_ERROR_CODES } from './assessment-codes';
import { AUTH_ERROR_CODES } from './auth-codes';
import { BLUEPRINT_ERROR_CODES } from './blueprint-codes';
import { CLI_ERROR_CODES } from './cli-codes';
import { CUTOVER_ERROR_CODES } from './cutover-codes';
import { DATA_ASSETS_ERROR_CODES } from './data-assets-codes';
import { DOCUMENTS_ERROR_CODES } from './documents-codes';
import { ERP_PERMISSIONS_ERROR_CODES } from './erp-permissions-codes';
import { GO_LIVE_ERROR_CODES } from './go-live-codes';
import { GOALS_ERROR_CODES } from './goals-codes';
import { JOBS_ERROR_CODES } from './jobs-codes';
import { MIGRATE_ERROR_CODES } from './migrate-codes';
import { MIGRATION_ERROR_CODES } from './migration-codes';
import { PLATFORM_ERROR_CODES } from './platform-codes';
import { PROJECTS_ERROR_CODES } from './projects-codes';
import { QUALITY_ERROR_CODES } from './quality-codes';
import { RECONCILE_ERROR_CODES } from './reconcile-codes';
import { RISKS_ERROR_CODES } from './risks-codes';
import { ROLLOUT_ERROR_CODES } from './rollout-codes';
import { SOURCES_ERROR_CODES } from './sources-codes';
import { TEAM_ERROR_CODES } from './team-codes';
import { UPLOADS_ERROR_CODES } from './uploads-codes';

/**
 * Every domain's table, in one place: the single source of a code's HTTP status and its zh-CN and en
 * messages. docs/ERRORS.md is generated from it. A code declared in two tables would silently shadow
 * the other, so {@link ERROR_CODE_TABLES} lets a test check that each code is declared once.
 */
export const ERROR_CODE_TABLES = {
  assessment: ASSESSMENT_ERROR_CODES,
  auth: AUTH_ERROR_CODES,
  blueprint: BLUEPRINT_ERROR_CODES,
  cli: CLI_ERROR_CODES,
  cutover: CUTOVER_ERROR_CODES,
  'data-assets': DATA_ASSETS_ERROR_CODES,
  documents: DOCUMENTS_ERROR_CODES,
  'erp-permissions': ERP_PERMISSIONS_ERROR_CODES,
  'go-live': GO_LIVE_ERROR_CODES,
  goals: GOALS_ERROR_CODES,
  jobs: JOBS_ERROR_CODES,
  migrate: MIGRATE_ERROR_CODES,
  migration: MIGRATION_ERROR_CODES,
  platform: PLATFORM_ERROR_CODES,
  projects: PROJECTS_ERROR_CODES,
  quality: QUALITY_ERROR_CODES,
  reconcile: RECONCILE_ERROR_CODES,
  risks: RISKS_ERROR_CODES,
  rollout: ROLLOUT_ERROR_CODES,
  sources: SOURCES_ERROR_CODES,
  team: TEAM_ERROR_CODES,
  uploads: UPLOADS_ERROR_CODES,
} as const;

/** All codes, joined. */
export const ERROR_CODES = {
  ...ASSESSMENT_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...BLUEPRINT_ERROR_CODES,
  ...CLI_ERROR_CODES,
  ...CUTOVER_ERROR_CODES,
  ...DATA_ASSETS_ERROR_CODES,
  ...DOCUMENTS_ERROR_CODES,
  ...ERP_PERMISSIONS_ERROR_CODES,
  ...GO_LIVE_ERROR_CODES,
  ...GOALS_ERROR_CODES,
  ...JOBS_ERROR_CODES,
  ...MIGRATE_ERROR_CODES,
  ...MIGRATION_ERROR_CODES,
  ...PLATFORM_ERROR_CODES,
  ...PROJECTS_ERROR_CODES,
  ...QUALITY_ERROR_CODES,
  ...RECONCILE_ERROR_CODES,
  ...RISKS_ERROR_CODES,
  ...ROLLOUT_ERROR_CODES,
  ...SOURCES_ERROR_CODES,
  ...TEAM_ERROR_CODES,
  ...UPLOADS_ERROR_CODES,
};
