import { StopOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReconcileRun } from '../../../api/types';
import { RunStatusTag } from './tags';

/** A run in progress: the job's progress and message, and cancel. */
export function RunProgress({
  run,
  progress,
  message: text,
  onCancel,
  canCancel,
}: {
  run: ReconcileRun;
  progress: number;
  message: string;
  onCancel: () => void;
  canCancel: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card data-testid="run-progress" data-status={run.status}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <RunStatusTag status={run.status} />
          <Typography.Text>{t('cutover.run.runningFor', { date: run.businessDate })}</Typography.Text>
        </Space>
        <Progress percent={Math.round(progress * 100)} status="active" />
        <Typography.Text type="secondary">{text || t('cutover.run.waiting')}</Typography.Text>
        {canCancel && (
          <Button danger icon={<StopOutlined />} onClick={onCancel} data-testid="run-cancel">
            {t('cutover.run.cancel')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
