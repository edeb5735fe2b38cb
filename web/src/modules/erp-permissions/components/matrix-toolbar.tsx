import { Checkbox, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { moduleLabel } from '../../../components/labels';
import { SCOPE_COLORS, scopeText } from '../matrix-labels';
import { DATA_SCOPES } from '../types';

/** Above the grid: the module filter, "only conflicts", and the legend of scope colours. */
export function MatrixToolbar({
  modules,
  moduleFilter,
  onModuleFilter,
  onlyConflicts,
  onOnlyConflicts,
}: {
  modules: string[];
  moduleFilter: string | undefined;
  onModuleFilter(module: string | undefined): void;
  onlyConflicts: boolean;
  onOnlyConflicts(only: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('permissionMatrix.allModules')}
        value={moduleFilter}
        onChange={onModuleFilter}
        options={modules.map((m) => ({ value: m, label: moduleLabel(t, m) }))}
        data-testid="pm-module-filter"
      />
      <Checkbox checked={onlyConflicts} onChange={(e) => onOnlyConflicts(e.target.checked)} data-testid="pm-only-conflicts">
        {t('permissionMatrix.onlyConflicts')}
      </Checkbox>
      {DATA_SCOPES.map((s) => (
        <span
          key={s}
          style={{
            padding: '1px 8px',
            borderRadius: 4,
            background: SCOPE_COLORS[s].background,
            border: `1px solid ${SCOPE_COLORS[s].border}`,
          }}
        >
          {scopeText(t, s)}
        </span>
      ))}
      <span style={{ padding: '1px 8px', borderRadius: 4, background: '#fff1f0', border: '2px solid #ff4d4f' }}>
        {t('permissionMatrix.legendConflict')}
      </span>
    </Space>
  );
}
