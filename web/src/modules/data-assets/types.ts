/**
 * API types of the data-assets module: aliases of the generated schema.gen.ts (the server's OpenAPI
 * document, from src/modules/data-assets/data-asset.schema.ts and the quality engine's rule and
 * recipe schemas), and the document's enums as lists the compiler checks against it.
 */
import { enumValues, type Schemas } from '../../api/schema';
import type { SourceProfile } from './source-profile';

export type { ColumnProfile, ColumnQuality, QualityComponents, QualityReason, SourceProfile, SourceQuality } from './source-profile';

// ---- assets ----

export type DataAsset = Schemas['DataAsset'];
export type CreateAssetInput = Schemas['CreateDataAsset'];
export type UpdateAssetInput = Schemas['UpdateDataAsset'];
/** Text encodings a file asset can be read with (the asset answers it as a plain string). */
export type Encoding = NonNullable<CreateAssetInput['encoding']>;
export const ENCODINGS = enumValues<Encoding>()(['utf-8', 'gbk', 'gb18030']);

// ---- quality rules (src/engines/quality/quality-schema.ts) ----

/** Also the body of the save. */
export type RuleSet = DataAsset['ruleSet'];
export type QualityRule = RuleSet['rules'][number];
export type RuleKind = QualityRule['kind'];
export type RuleValidator = Extract<QualityRule, { kind: 'validator' }>['validator'];

export type RuleRun = Schemas['DataAssetRuleRun'];
export type RuleOutcome = RuleRun['rules'][number];
export type RuleFailure = Schemas['DataAssetRuleFailure'];

// ---- cleansing ----

/** Also the body of the save: the fields with a default (a step's `columns`, a map's `pairs`) may be left out. */
export type CleanseRecipe = DataAsset['recipe'];
export type CleanseStep = CleanseRecipe['steps'][number];
export type StepKind = CleanseStep['kind'];
export type CleansePreview = Schemas['CleansePreview'];

// ---- profile runs ----

export type ProfileRun = Schemas['DataAssetProfileRun'];
export type ProfileStatus = ProfileRun['status'];
/** A profile run with the engine's profile, which the document types as unknown (see source-profile.ts). */
export type ProfileRunDetail = Omit<Schemas['DataAssetProfileRunDetail'], 'profile'> & { profile: SourceProfile | null };
