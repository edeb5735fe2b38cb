import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MigrationCheck } from '../types';

/** 迁移后核对: pass/fail with the row counts and per-column totals. */
export function CheckCell({ check, testId }: { check: MigrationCheck | null; testId: string }) {
  const { t } = useTranslation();
  if (!check) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid={testId} data-ok={check.ok ? 'true' : 'false'}>
      <Tag color={check.ok ? 'success' : 'error'}>{check.ok ? t('migration.check.pass') : t('migration.check.fail')}</Tag>
      <Typography.Text style={{ fontSize: 12 }}>
        {t('migration.check.rows', { source: check.sourceRows, target: check.targetRows })}
      </Typography.Text>
      {check.sums.map((s) => (
        <Typography.Text key={s.column} style={{ fontSize: 12 }} type={s.ok ? undefined : 'danger'}>
          {t('migration.check.sum', { column: s.column, source: s.source, target: s.target })}
        </Typography.Text>
      ))}
      {check.message && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {check.message}
        </Typography.Text>
      )}
    </Space>
  );
}
