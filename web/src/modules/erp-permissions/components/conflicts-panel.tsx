import { CheckCircleOutlined } from '@ant-design/icons';
import { Badge, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MitigationInput, SodConflict } from '../types';
import { ConflictCard } from './conflict-card';
import { MitigationModal } from './mitigation-modal';
import { useMitigation } from './use-mitigation';

/** The SoD conflicts: each explained, with "移除授权" (remove one of its grants) and "记录例外" (accept with a control). */
export function ConflictsPanel({
  conflicts,
  canEdit,
  onRemoveGrant,
  onMitigate,
  onWithdraw,
}: {
  conflicts: SodConflict[];
  canEdit: boolean;
  onRemoveGrant: (roleId: string, functionId: string) => Promise<void>;
  onMitigate: (input: MitigationInput) => Promise<void>;
  onWithdraw: (mitigationId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const mitigation = useMitigation(onMitigate);
  const open = conflicts.filter((c) => c.status === 'open');
  const mitigated = conflicts.filter((c) => c.status === 'mitigated');
  const card = (c: SodConflict) => (
    <ConflictCard
      key={c.key}
      conflict={c}
      canEdit={canEdit}
      onRemoveGrant={onRemoveGrant}
      onMitigate={mitigation.start}
      onWithdraw={onWithdraw}
    />
  );

  return (
    <div data-testid="sod-conflicts">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('permissionMatrix.conflictsTitle')}</Typography.Text>
        <Badge
          count={open.length}
          showZero
          color={open.length ? '#ff4d4f' : '#52c41a'}
          data-testid="sod-open-count"
          data-count={open.length}
        />
        {mitigated.length > 0 && <Tag color="gold">{t('permissionMatrix.mitigatedCount', { count: mitigated.length })}</Tag>}
      </Space>
      {conflicts.length === 0 ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 32, color: '#52c41a' }} />}
          styles={{ image: { height: 36 } }}
          description={t('permissionMatrix.noConflicts')}
          data-testid="sod-no-conflicts"
        />
      ) : (
        <>
          {open.map(card)}
          {mitigated.map(card)}
        </>
      )}
      <MitigationModal mitigation={mitigation} />
    </div>
  );
}
