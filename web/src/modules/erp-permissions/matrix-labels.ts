import type { TFunction } from 'i18next';
import type { DataScope, FunctionAction, RiskLevel } from './types';

/** Cell colours by data scope (wider scope = warmer colour). */
export const SCOPE_COLORS: Record<DataScope, { background: string; border: string }> = {
  own: { background: '#f6ffed', border: '#b7eb8f' },
  department: { background: '#e6f4ff', border: '#91caff' },
  company: { background: '#fff7e6', border: '#ffd591' },
};

export const RISK_COLORS: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'gold' };

export function scopeText(t: TFunction, scope: DataScope): string {
  return t(`permissionMatrix.scope.${scope}`);
}

export function actionText(t: TFunction, action: FunctionAction | '*'): string {
  return action === '*' ? t('permissionMatrix.anyAction') : t(`permissionMatrix.action.${action}`);
}

export function riskText(t: TFunction, risk: RiskLevel): string {
  return t(`permissionMatrix.risk.${risk}`);
}

/** "付款单·审批". */
export function functionText(t: TFunction, fn: { menu: string; action: FunctionAction | '*' }): string {
  return `${fn.menu === '*' ? t('permissionMatrix.anyMenu') : fn.menu}·${actionText(t, fn.action)}`;
}
