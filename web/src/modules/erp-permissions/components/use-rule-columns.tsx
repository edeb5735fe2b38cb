import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Switch, Tag, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { moduleLabel } from '../../../components/labels';
import { functionText, RISK_COLORS, riskText } from '../matrix-labels';
import type { RuleMatcher, SodRule, SodRuleUpdate } from '../types';

/** One side of a rule as tags, `module · menu action` each. */
function renderSide(t: TFunction, side: RuleMatcher[]) {
  return (
    <Space size={[4, 4]} wrap>
      {side.map((m, i) => (
        <Tag key={i}>
          {m.module === '*' ? t('permissionMatrix.anyModule') : moduleLabel(t, m.module)} · {functionText(t, m)}
        </Tag>
      ))}
    </Space>
  );
}

/** Columns of the SoD rule library: the rule, its two sides, the risk, the enable switch and the actions. */
export function useRuleColumns({
  canEdit,
  canDelete,
  onEdit,
  onUpdate,
  onDelete,
}: {
  canEdit: boolean;
  canDelete: boolean;
  onEdit(rule: SodRule): void;
  onUpdate: (ruleId: string, input: SodRuleUpdate) => Promise<void>;
  onDelete: (ruleId: string) => Promise<void>;
}): TableColumnsType<SodRule> {
  const { t } = useTranslation();
  return [
    { title: t('permissionMatrix.ruleCode'), dataIndex: 'code', width: 90 },
    { title: t('permissionMatrix.ruleName'), dataIndex: 'name', width: 220 },
    { title: t('permissionMatrix.sideA'), dataIndex: 'sideA', render: (side: RuleMatcher[]) => renderSide(t, side) },
    { title: t('permissionMatrix.sideB'), dataIndex: 'sideB', render: (side: RuleMatcher[]) => renderSide(t, side) },
    {
      title: t('permissionMatrix.riskLevel'),
      dataIndex: 'riskLevel',
      width: 80,
      render: (r: SodRule['riskLevel']) => <Tag color={RISK_COLORS[r]}>{riskText(t, r)}</Tag>,
    },
    { title: t('permissionMatrix.riskDescription'), dataIndex: 'riskDescription' },
    {
      title: t('permissionMatrix.enabled'),
      dataIndex: 'enabled',
      width: 70,
      render: (enabled: boolean, r) => (
        <Switch
          size="small"
          checked={enabled}
          disabled={!canEdit}
          onChange={(v) => void onUpdate(r.id, { enabled: v })}
          data-testid="sod-rule-enabled"
        />
      ),
    },
    {
      title: t('common.actions'),
      width: 100,
      render: (_: unknown, r) => (
        <Space>
          {canEdit && <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label={t('common.edit')} />}
          {canDelete && (
            <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => onDelete(r.id)}>
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
