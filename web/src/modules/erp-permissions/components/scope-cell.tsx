import { Tooltip } from 'antd';
import { memo } from 'react';
import { SCOPE_COLORS } from '../matrix-labels';
import { DATA_SCOPES, type DataScope, type ErpFunction } from '../types';

/** The cell's texts, translated once for the whole grid (a cell does not call the translator). */
export interface ScopeCellLabels {
  none: string;
  scopes: Record<DataScope, string>;
  conflict: string;
  mitigated: string;
}

interface CellProps {
  roleId: string;
  roleName: string;
  fn: ErpFunction;
  scope: DataScope | undefined;
  conflict: 'open' | 'mitigated' | undefined;
  disabled: boolean;
  pending: boolean;
  onChange: (roleId: string, functionId: string, scope: DataScope | null) => void;
  labels: ScopeCellLabels;
}

/** One matrix cell: a native select (fast for ~700 cells) coloured by scope, outlined red on an open conflict. */
export const ScopeCell = memo(function ScopeCell({
  roleId,
  roleName,
  fn,
  scope,
  conflict,
  disabled,
  pending,
  onChange,
  labels,
}: CellProps) {
  const colors = scope ? SCOPE_COLORS[scope] : { background: '#fff', border: '#d9d9d9' };
  const outline = conflict === 'open' ? '#ff4d4f' : conflict === 'mitigated' ? '#faad14' : colors.border;
  const select = (
    <select
      data-testid="pm-cell"
      data-role={roleName}
      data-menu={fn.menu}
      data-action={fn.action}
      data-scope={scope ?? ''}
      data-conflict={conflict ?? ''}
      aria-label={`${roleName} ${fn.menu} ${fn.action}`}
      value={scope ?? ''}
      disabled={disabled || pending}
      onChange={(e) => onChange(roleId, fn.id, e.target.value === '' ? null : (e.target.value as DataScope))}
      style={{
        width: '100%',
        minWidth: 76,
        padding: '2px 4px',
        borderRadius: 4,
        border: `${conflict === 'open' ? 2 : 1}px solid ${outline}`,
        background: conflict === 'open' ? '#fff1f0' : colors.background,
        color: scope ? 'rgba(0,0,0,0.88)' : '#bfbfbf',
        cursor: disabled ? 'default' : 'pointer',
        opacity: pending ? 0.5 : 1,
      }}
    >
      <option value="">{labels.none}</option>
      {DATA_SCOPES.map((s) => (
        <option key={s} value={s}>
          {labels.scopes[s]}
        </option>
      ))}
    </select>
  );
  if (!conflict) return select;
  return <Tooltip title={conflict === 'open' ? labels.conflict : labels.mitigated}>{select}</Tooltip>;
});
