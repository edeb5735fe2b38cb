import type { ErrorDetail, Locale } from '../../shared/app-error';
import { blueprintMessage } from './blueprint-labels';

/** The fields of a requirement the method's rule looks at. */
export interface ResolutionFields {
  resolution: string;
  configKind: string | null;
  processChangeNote: string;
  gapReason: string;
  justification: string;
  effortDays: number | null;
  upgradeImpact: string;
}

/**
 * The method's rule, "adapt the process before changing the software", as validation: custom
 * development must say why process change and configuration are not enough, why it is core
 * competitiveness, what it costs (person-days > 0) and how it affects upgrades. A configuration needs
 * its kind (custom field, workflow, report, print template, parameter); a process change its note.
 * Returns one detail per failing field (empty when valid).
 */
export function checkResolutionRule(r: ResolutionFields, locale: Locale): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (r.resolution === 'custom_development') {
    if (!r.gapReason.trim()) details.push({ field: 'gapReason', reason: blueprintMessage('customGapReason', locale) });
    if (!r.justification.trim()) details.push({ field: 'justification', reason: blueprintMessage('customJustification', locale) });
    if (r.effortDays === null || !(r.effortDays > 0))
      details.push({ field: 'effortDays', reason: blueprintMessage('customEffort', locale) });
    if (!r.upgradeImpact.trim()) details.push({ field: 'upgradeImpact', reason: blueprintMessage('customImpact', locale) });
  }
  if (r.resolution === 'configuration' && !r.configKind) {
    details.push({ field: 'configKind', reason: blueprintMessage('configKindRequired', locale) });
  }
  if (r.resolution !== 'configuration' && r.configKind) {
    details.push({ field: 'configKind', reason: blueprintMessage('configKindOnlyForConfiguration', locale) });
  }
  if (r.resolution === 'process_change' && !r.processChangeNote.trim()) {
    details.push({ field: 'processChangeNote', reason: blueprintMessage('processChangeNoteRequired', locale) });
  }
  return details;
}

/** Fields whose change on a custom item voids the steering committee's decision (it decided on them). */
export const APPROVAL_RELEVANT_FIELDS = ['gapReason', 'justification', 'effortDays', 'upgradeImpact'] as const;
