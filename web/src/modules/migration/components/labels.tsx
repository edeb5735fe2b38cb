import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MigrationCategory } from '../types';

const CATEGORY_COLOR: Record<MigrationCategory, string> = {
  master: 'blue',
  opening: 'cyan',
  open_transactions: 'orange',
  history: 'default',
};

/** 主数据 / 期初数据 / 未清单据 / 历史数据. */
export function CategoryTag({ category }: { category: MigrationCategory }) {
  const { t } = useTranslation();
  return <Tag color={CATEGORY_COLOR[category]}>{t(`migration.category.${category}`)}</Tag>;
}

const STATUS_COLOR: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  pending: 'default',
  succeeded: 'success',
  loaded: 'success',
  simulated: 'cyan',
  failed: 'error',
  stopped: 'error',
  skipped: 'default',
  cancelled: 'default',
  rolled_back: 'purple',
  rolling_back: 'processing',
};

/** A run or batch status. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`migration.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
