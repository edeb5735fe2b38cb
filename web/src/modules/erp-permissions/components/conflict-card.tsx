import { DeleteOutlined, SafetyCertificateOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { functionText, RISK_COLORS, riskText, scopeText } from '../matrix-labels';
import type { SodConflict } from '../types';

/** One SoD conflict explained, with "移除授权" (pick one of its grants) and "记录例外" / withdraw. */
export function ConflictCard({
  conflict: c,
  canEdit,
  onRemoveGrant,
  onMitigate,
  onWithdraw,
}: {
  conflict: SodConflict;
  canEdit: boolean;
  onRemoveGrant: (roleId: string, functionId: string) => Promise<void>;
  onMitigate: (conflict: SodConflict) => void;
  onWithdraw: (mitigationId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const grants = [...c.sideA, ...c.sideB];
  return (
    <Card
      size="small"
      data-testid="sod-conflict"
      data-rule={c.ruleCode}
      data-status={c.status}
      data-subject={c.subjectName}
      style={{
        marginBottom: 8,
        borderColor: c.status === 'open' ? '#ffa39e' : '#ffe58f',
        background: c.status === 'open' ? '#fff1f0' : '#fffbe6',
      }}
    >
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <Tag color={RISK_COLORS[c.riskLevel]}>{riskText(t, c.riskLevel)}</Tag>
        <Tag>{c.ruleCode}</Tag>
        <Typography.Text strong>{c.ruleName}</Typography.Text>
        {c.subjectKind === 'person' && <Tag color="purple">{t('permissionMatrix.personConflict')}</Tag>}
        {c.status === 'mitigated' && <Tag color="gold">{t('permissionMatrix.statusMitigated')}</Tag>}
      </Space>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="sod-conflict-explanation">
        {c.explanation}
      </Typography.Paragraph>
      {c.mitigation && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="sod-conflict-mitigation">
          {t('permissionMatrix.mitigationLine', {
            control: c.mitigation.compensatingControl,
            approver: c.mitigation.approver,
            date: c.mitigation.approvedOn,
          })}
        </Typography.Paragraph>
      )}
      {canEdit && (
        <Space wrap>
          <Dropdown
            trigger={['click']}
            menu={{
              items: grants.map((g) => ({
                key: `${g.roleId}|${g.functionId}`,
                label: (
                  <span data-testid="remove-grant-option" data-role={g.roleName} data-menu={g.menu} data-action={g.action}>
                    {t('permissionMatrix.removeGrantOption', { fn: functionText(t, g), role: g.roleName, scope: scopeText(t, g.scope) })}
                  </span>
                ),
              })),
              onClick: ({ key }) => {
                const [roleId, functionId] = key.split('|');
                void onRemoveGrant(roleId, functionId);
              },
            }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="sod-remove-grant">
              {t('permissionMatrix.removeGrant')}
            </Button>
          </Dropdown>
          {c.mitigation ? (
            <Button size="small" icon={<UndoOutlined />} onClick={() => void onWithdraw(c.mitigation!.id)} data-testid="sod-withdraw">
              {t('permissionMatrix.withdrawException')}
            </Button>
          ) : (
            <Button size="small" icon={<SafetyCertificateOutlined />} data-testid="sod-mitigate" onClick={() => onMitigate(c)}>
              {t('permissionMatrix.recordException')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
