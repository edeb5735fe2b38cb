import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RaciMatrix } from '../../../api/types';

/** The matrix's open issues (a deliverable without an A, or without an R), listed above the grid. */
export function RaciIssuesAlert({ issues }: { issues: RaciMatrix['issues'] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="raci-issues"
      style={{ marginBottom: 12 }}
      message={t('raci.issuesTitle', { count: issues.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
          {issues.map((issue) => (
            <li
              key={`${issue.deliverableId}-${issue.code}`}
              data-testid="raci-issue"
              data-code={issue.code}
              data-deliverable={issue.deliverableId}
            >
              {issue.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
