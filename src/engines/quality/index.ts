/** The quality engine: rule sets run in DuckDB (every failing row) and cleansing recipes (preview, cleaned CSV). */
export * from './quality-schema';
export { describeRule, runQualityRules, type RuleFailure, type RuleOutcome, type RuleRunResult, type RunRulesOptions } from './run-rules';
export { previewCleansing, writeCleansedCsv, type CleanseOptions, type CleansePreview, type CleanseSample } from './cleanse';
export type { DatasetInput } from './workspace';
