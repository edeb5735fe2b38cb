import { ExperimentOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, type ButtonProps, Card, Col, Popconfirm, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../api/types';
import { useProject } from '../../../components/project';
import type { ApiState } from '../../../components/use-api';
import type { MigrationObject, MigrationPlan, MigrationRun } from '../types';
import { CategoryTag, StatusTag } from './labels';
import { PlanGraph } from './plan-graph';

/** The load order: sequence, object, category, ready or not. */
function PlanOrderTable({ order }: { order: MigrationPlan['order'] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="migration-order"
      dataSource={order}
      columns={[
        { title: t('migration.plan.seq'), dataIndex: 'seq', width: 60 },
        {
          title: t('migration.objects.name'),
          dataIndex: 'name',
          render: (n: string) => <span data-testid="order-item">{n}</span>,
        },
        {
          title: t('migration.objects.category'),
          dataIndex: 'category',
          render: (c: MigrationObject['category']) => <CategoryTag category={c} />,
        },
        {
          title: t('migration.plan.ready'),
          dataIndex: 'ready',
          render: (r: boolean) =>
            r ? <Tag color="success">{t('migration.plan.isReady')}</Tag> : <Tag>{t('migration.plan.notReady')}</Tag>,
        },
      ]}
    />
  );
}

/**
 * 迁移计划: simulate / run (while no run is active), the active run's progress, a dependency cycle,
 * and the plan as a graph next to the load order.
 */
export function PlanCard(props: {
  plan: ApiState<MigrationPlan>;
  /** The active run, if any. */
  current: MigrationRun | undefined;
  job: Job | null;
  starting: 'simulate' | 'real' | null;
  onStart: (mode: 'simulate' | 'real') => Promise<void>;
}) {
  const { t } = useTranslation();
  const { can } = useProject();
  const { plan, current, job, starting } = props;
  const ready = (plan.data?.order ?? []).filter((o) => o.ready).length;
  const total = plan.data?.order.length ?? 0;
  return (
    <Card
      title={t('migration.plan.title')}
      style={{ marginBottom: 16 }}
      extra={
        can('migration:create') && (
          <Space>
            <Button
              icon={<ExperimentOutlined />}
              loading={starting === 'simulate'}
              disabled={!!current || total === 0}
              onClick={() => void props.onStart('simulate')}
              data-testid="migration-simulate"
            >
              {t('migration.plan.simulate')}
            </Button>
            <Popconfirm
              title={t('migration.plan.runConfirm')}
              onConfirm={() => void props.onStart('real')}
              okButtonProps={{ 'data-testid': 'run-confirm-ok' } as ButtonProps}
            >
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={starting === 'real'}
                disabled={!!current || total === 0}
                data-testid="migration-run"
              >
                {t('migration.plan.run')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {plan.error?.status === 409 && <Alert type="error" showIcon message={plan.error.message} data-testid="plan-cycle" />}
      {current && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          data-testid="migration-progress"
          message={
            <Space>
              <StatusTag status={current.status === 'succeeded' ? 'rolling_back' : current.status} />
              <span>{job?.message ?? ''}</span>
              <Progress percent={Math.round((job?.progress ?? 0) * 100)} size="small" style={{ width: 200 }} />
            </Space>
          }
        />
      )}
      {plan.data && total > 0 ? (
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <PlanGraph plan={plan.data} />
          </Col>
          <Col xs={24} lg={10}>
            <Typography.Text type="secondary">{t('migration.plan.readyCount', { ready, total })}</Typography.Text>
            <PlanOrderTable order={plan.data.order} />
          </Col>
        </Row>
      ) : (
        !plan.error && <Typography.Text type="secondary">{t('migration.plan.empty')}</Typography.Text>
      )}
    </Card>
  );
}
