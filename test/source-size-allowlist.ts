/**
 * Files and functions allowed over the size limits of `test/source-size.test.ts`, each with the reason.
 * Key: `path` for a file over 600 lines, `path#name` for a function over 150 lines (`<anonymous>` when
 * it has no name). An entry that no longer matches anything makes the test fail, so the list only shrinks.
 */
export const SIZE_ALLOW_LIST: Readonly<Record<string, string>> = {
  'src/db/migrations/2026_11_28_1200_platform.ts#up':
    'A landed migration is frozen (docs/ARCHITECTURE.md); rewriting it to split would change history.',
  'src/engines/migrate/load.ts#loadIntoTarget':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'src/engines/migrate/target-db.ts': 'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'src/engines/migrate/target-db.ts#openPostgresTarget':
    'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'src/engines/migrate/target-db.ts#openDirectWriter':
    'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'src/engines/reconcile/run-reconciliation.ts#runReconciliation':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'src/engines/sources/csv-byte-parser.ts#scan':
    'One byte-level state machine over the RFC 4180 states; kept in one loop because splitting it per state costs a call per byte on the hot path. Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'src/modules/assessment/current-state-report.ts#composeCurrentStateReport':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'src/modules/blueprint/requirement-excel.ts#importRequirementWorkbook':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'src/modules/go-live/go-live.service.ts#evaluateReadiness':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'src/modules/migration/migration-run.service.ts':
    'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'web/src/modules/assessment/components/environment-section.tsx#ProfileCard':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/assessment/components/environment-section.tsx#EnvironmentSection':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/assessment/components/process-maps-section.tsx':
    'Split by another engineer in issue 10 (process-maps / requirements sections); remove when that lands.',
  'web/src/modules/assessment/components/process-maps-section.tsx#ProcessMapsSection':
    'Split by another engineer in issue 10 (process-maps / requirements sections); remove when that lands.',
  'web/src/modules/assessment/components/roles-section.tsx#RolesSection':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/blueprint/components/requirement-form-modal.tsx#RequirementFormModal':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/blueprint/components/requirements-section.tsx#RequirementsSection':
    'Split by another engineer in issue 10 (process-maps / requirements sections); remove when that lands.',
  'web/src/modules/blueprint/components/versions-section.tsx#VersionsSection':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/cutover/components/connections-drawer.tsx#ConnectionsDrawer':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/cutover/components/run-results.tsx':
    'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'web/src/modules/cutover/components/run-results.tsx#DifferencesTable':
    'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'web/src/modules/cutover/pages/spec-detail-page.tsx#SpecDetailPage':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/cutover/pages/spec-editor-page.tsx#SpecEditorPage':
    'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'web/src/modules/cutover/pages/spec-list-page.tsx#SpecListPage':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/data-assets/components/cleansing-tab.tsx#CleansingTab':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/data-assets/components/register-asset-modal.tsx#RegisterAssetModal':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/erp-permissions/components/conflicts-panel.tsx#ConflictsPanel':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/erp-permissions/components/matrix-grid.tsx#MatrixGrid':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/erp-permissions/components/permission-matrix-section.tsx#PermissionMatrixSection':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/erp-permissions/components/rule-library.tsx#RuleLibrary':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/go-live/components/go-live-checklist.tsx#GoLiveChecklist':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/goals/components/goal-drawer.tsx#GoalDrawer':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/goals/components/roi-tab.tsx#RoiTab':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/goals/pages/goals-page.tsx#GoalsPage':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/migration/components/object-editor.tsx#ObjectEditor':
    'Planned split in issue 10 (splits task) not reached before the deadline; next in line.',
  'web/src/modules/migration/components/run-history.tsx#RunHistory':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/migration/pages/migration-page.tsx#MigrationPage':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/risks/components/risk-form-modal.tsx#RiskFormModal':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/team/components/raci-grid.tsx#RaciGrid':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/team/components/stakeholder-map.tsx#StakeholderMap':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
  'web/src/modules/team/pages/team-page.tsx#TeamPage':
    'Found by this test in issue 10; not split yet for lack of time. To split in a follow-up, do not grow it.',
};
