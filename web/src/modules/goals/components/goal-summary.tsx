import { Descriptions, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../api/types';
import { formatNumber } from '../../../components/format';
import { moduleLabel } from '../../../components/labels';
import { SmartStatus } from './smart-status';

/** The head of the goal drawer: KPI, baseline and target, deadline, owner, SMART check and progress. */
export function GoalSummary({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const unit = goal.kpiUnit ?? '';
  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('goals.kpiName')}>{goal.kpiName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('goals.module')}>{moduleLabel(t, goal.module)}</Descriptions.Item>
      <Descriptions.Item label={t('goals.baseline')}>
        {goal.baseline !== null ? `${formatNumber(goal.baseline)} ${unit}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('goals.target')}>
        {goal.target !== null ? `${formatNumber(goal.target)} ${unit}` : '—'}（{t(`goals.${goal.direction}`)}）
      </Descriptions.Item>
      <Descriptions.Item label={t('goals.deadline')}>{goal.deadline ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('goals.owner')}>{goal.ownerName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('goals.smart')} span={2}>
        <SmartStatus goal={goal} />
      </Descriptions.Item>
      <Descriptions.Item label={t('goals.progress')} span={2}>
        {goal.progress === null ? (
          t('goals.noProgress')
        ) : (
          <div data-testid="goal-progress">
            <Progress percent={Math.round(goal.progress * 100)} status={goal.progress >= 1 ? 'success' : 'active'} />
            {t('goals.latest', { value: formatNumber(goal.latestValue), unit, date: goal.latestMeasuredOn ?? '' })}
          </div>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
