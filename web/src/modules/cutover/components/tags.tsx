import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExitCriterion, RunStatus } from '../../../api/types';
import { diffStatusLabel, runStatusLabel } from '../../../components/labels';

const RUN_COLORS: Record<RunStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

export function RunStatusTag({ status }: { status: RunStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={RUN_COLORS[status]} data-testid="run-status" data-status={status}>
      {runStatusLabel(t, status)}
    </Tag>
  );
}

const DIFF_COLORS: Record<string, string> = {
  changed: 'orange',
  only_left: 'volcano',
  only_right: 'blue',
  duplicate_left: 'purple',
  duplicate_right: 'purple',
  null_key_left: 'magenta',
  null_key_right: 'magenta',
};

export function DiffStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={DIFF_COLORS[status]}>{diffStatusLabel(t, status)}</Tag>;
}

/** Met / not met with the streak; the server's reason on hover. */
export function ExitCriterionTag({ criterion, testId }: { criterion: ExitCriterion; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={criterion.reason}>
      <Tag color={criterion.met ? 'success' : 'warning'} data-testid={testId ?? 'exit-tag'} data-met={criterion.met ? 'true' : 'false'}>
        {criterion.met ? t('cutover.exit.met') : t('cutover.exit.notMet')} ·{' '}
        {t('cutover.exit.streak', { streak: criterion.streak, required: criterion.required })}
      </Tag>
    </Tooltip>
  );
}
