import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SMART_CRITERIA, type Goal, type SmartCriterion } from '../../../api/types';

export const SMART_LETTER: Record<SmartCriterion, string> = {
  specific: 'S',
  measurable: 'M',
  achievable: 'A',
  relevant: 'R',
  timeBound: 'T',
};

/** S/M/A/R/T tags (red where the server found an issue) and the issue messages. */
export function SmartStatus({ goal, compact }: { goal: Goal; compact?: boolean }) {
  const { t } = useTranslation();
  const failing = new Set(goal.smart.issues.map((i) => i.criterion));
  return (
    <div data-testid={`smart-${goal.id}`} data-smart-ok={goal.smart.ok ? 'true' : 'false'}>
      <Space size={2} wrap>
        {goal.smart.ok ? (
          <Tag icon={<CheckCircleFilled />} color="success" data-testid="smart-ok">
            {t('goals.smartOk')}
          </Tag>
        ) : (
          <Tag icon={<ExclamationCircleFilled />} color="warning" data-testid="smart-failing">
            {t('goals.smartIssues', { count: goal.smart.issues.length })}
          </Tag>
        )}
        {SMART_CRITERIA.map((c) => (
          <Tooltip key={c} title={t(`smart.${c}`)}>
            <Tag color={failing.has(c) ? 'error' : 'success'} style={{ marginInlineEnd: 0, minWidth: 22, textAlign: 'center' }}>
              {SMART_LETTER[c]}
            </Tag>
          </Tooltip>
        ))}
      </Space>
      {!compact && goal.smart.issues.length > 0 && (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
          {goal.smart.issues.map((issue) => (
            <li key={`${issue.criterion}-${issue.code}`} data-testid="smart-issue" data-code={issue.code}>
              <Typography.Text type="danger">
                <strong>{SMART_LETTER[issue.criterion]}</strong> {issue.message}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
