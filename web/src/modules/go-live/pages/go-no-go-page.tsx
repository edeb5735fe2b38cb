import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, App, Card, List, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { GoLiveChecklist } from '../components/go-live-checklist';
import { GoLiveDecisionPanel } from '../components/go-live-decision-panel';
import { goLiveApi } from '../api';
import { CriterionStatusTag } from '../components/go-live-labels';
import { checklistCounts, criteriaCounts } from '../go-live-model';
import type { GoLiveView } from '../types';

/** 具备上线条件 / 尚不具备上线条件, with the counts, the planned date and the latest decision. */
function ReadinessBanner({ view }: { view: GoLiveView }) {
  const { t } = useTranslation();
  const criteria = criteriaCounts(view.criteria);
  const checks = checklistCounts(view.checks);
  const latest = view.decisions[0];
  return (
    <Alert
      type={view.ready ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="readiness-banner"
      data-ready={view.ready ? 'true' : 'false'}
      message={<strong>{view.ready ? t('goLive.banner.ready') : t('goLive.banner.notReady')}</strong>}
      description={
        <Space wrap size={[24, 4]}>
          <span data-testid="readiness-criteria-count" data-passed={criteria.passed} data-total={criteria.total}>
            {t('goLive.banner.criteriaCount', { passed: criteria.passed, total: criteria.total })}
          </span>
          <span>{t('goLive.banner.checklistCount', { done: checks.done, total: checks.total })}</span>
          <span data-testid="planned-go-live">
            {view.plannedGoLive ? t('goLive.banner.plannedGoLive', { date: view.plannedGoLive }) : t('goLive.banner.noPlannedGoLive')}
          </span>
          {latest && (
            <span>
              {t('goLive.banner.lastDecision', {
                decision: t(`goLive.decisionOption.${latest.decision}`),
                date: formatDateTime(latest.decidedAt),
              })}
            </span>
          )}
        </Space>
      }
    />
  );
}

/** 上线准备度: the criteria golive evaluates from the other modules, each with a link to where it is fixed. */
function CriteriaCard({ view }: { view: GoLiveView }) {
  const { t } = useTranslation();
  const { project } = useProject();
  const counts = criteriaCounts(view.criteria);
  return (
    <Card
      title={t('goLive.criteria.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text type="secondary">{t('goLive.criteria.count', { passed: counts.passed, total: counts.total })}</Typography.Text>
      }
    >
      <List
        itemLayout="horizontal"
        dataSource={view.criteria}
        data-testid="criteria-list"
        renderItem={(c) => (
          <List.Item
            data-testid={`criterion-${c.code}`}
            data-status={c.status}
            actions={[
              <Link key="open" to={`/projects/${project.id}/${c.href.replace(/^\/+/, '')}`} data-testid={`criterion-link-${c.code}`}>
                {t('goLive.criteria.open')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              avatar={
                c.status === 'pass' ? (
                  <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
                ) : (
                  <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 20 }} />
                )
              }
              title={
                <Space>
                  <span>{c.title}</span>
                  <CriterionStatusTag status={c.status} />
                </Space>
              }
              description={c.detail}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 上线 → 上线决策: readiness, the go-live checklist and the go/no-go decisions. */
export default function GoNoGoPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const view = useApi(() => goLiveApi.view(project.id), [project.id]);
  const { setData } = view;

  /** Takes a fresh view (or fetches one) without the table spinners of a full reload. */
  const refresh = useCallback(
    async (next?: GoLiveView) => {
      try {
        setData(next ?? (await goLiveApi.view(project.id)));
      } catch (cause) {
        message.error(toApiError(cause).message);
      }
    },
    [project.id, setData, message],
  );

  return (
    <div data-testid="go-no-go-page">
      <Typography.Paragraph type="secondary">{t('goLive.intro')}</Typography.Paragraph>
      <ErrorAlert error={view.error} onRetry={() => void view.reload()} />
      {view.loading && !view.data ? (
        <PageSpinner />
      ) : (
        view.data && (
          <>
            <ReadinessBanner view={view.data} />
            <CriteriaCard view={view.data} />
            <GoLiveChecklist view={view.data} onChanged={refresh} />
            <GoLiveDecisionPanel view={view.data} onChanged={() => refresh()} />
          </>
        )
      )}
    </div>
  );
}
