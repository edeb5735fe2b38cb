import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProfileRun } from '../types';

/** A quality score as a coloured tag (green ≥ 90, gold ≥ 70, red below). */
export function ScoreTag({ score, testId }: { score: number | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (score === null || score === undefined) return <Tag data-testid={testId}>{t('dataAssets.notProfiled')}</Tag>;
  const color = score >= 90 ? 'green' : score >= 70 ? 'gold' : 'red';
  return (
    <Tag color={color} data-testid={testId}>
      {t('dataAssets.scoreValue', { score: score.toFixed(1) })}
    </Tag>
  );
}

export const isRunning = (run: ProfileRun | null | undefined): boolean => !!run && (run.status === 'queued' || run.status === 'running');

/** A profile run's status: progress while it runs, the error when it failed. */
export function ProfileStatus({ run, testId }: { run: ProfileRun | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!run) return <Tag data-testid={testId}>{t('dataAssets.status.none')}</Tag>;
  if (isRunning(run)) {
    return (
      <span data-testid={testId} data-status={run.status} style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 140 }}>
        <Tag color="processing">{t(`dataAssets.status.${run.status}`)}</Tag>
        <Progress percent={Math.round((run.progress ?? 0) * 100)} size="small" style={{ width: 80, margin: 0 }} />
      </span>
    );
  }
  if (run.status === 'failed') {
    return (
      <Tooltip title={run.error}>
        <Tag color="error" data-testid={testId} data-status={run.status}>
          {t('dataAssets.status.failed')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag color="success" data-testid={testId} data-status={run.status}>
      {t('dataAssets.status.succeeded')}
    </Tag>
  );
}
