import type { TFunction } from 'i18next';

/** Localized labels of server codes; unknown codes are shown as they are. */
export function codeLabel(t: TFunction, prefix: string, code: string | null | undefined): string {
  if (!code) return '—';
  const key = `${prefix}.${code}`;
  const value = t(key);
  return value === key ? code : value;
}

export const roleLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'role', code);
export const moduleLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'erpModule', code);
export const tierLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'tier', code);
export const phaseLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'phase', code);
export const resourceLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'resource', code);
export const actionLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'action', code);
export const diffStatusLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'cutover.diffStatus', code);
export const runStatusLabel = (t: TFunction, code: string | null | undefined) => codeLabel(t, 'cutover.runStatus', code);
