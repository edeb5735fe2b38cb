import { CaretRightOutlined, EditOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ReconcileSpec } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useProject } from '../../components/project';
import { ExitCriterionTag, RunStatusTag } from './components/tags';
import { describeCron } from './spec-form';

/** The spec list's columns: name, sources, schedule, last run, exit criterion and the row actions. */
export function useSpecListColumns(props: {
  base: string;
  starting: string | null;
  onRun: (spec: ReconcileSpec) => void;
}): TableColumnsType<ReconcileSpec> {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useProject();
  const { base } = props;
  return [
    {
      title: t('cutover.spec.name'),
      dataIndex: 'name',
      width: 180,
      render: (v: string, s) => (
        <Link to={`${base}/${s.id}`} data-testid="spec-open-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('cutover.list.sources'),
      width: 260,
      render: (_, s) => (
        <span>
          <Tag>{t('cutover.side.left')}</Tag>
          {s.leftLabel}
          <br />
          <Tag color="blue">{t('cutover.side.right')}</Tag>
          {s.rightLabel}
        </span>
      ),
    },
    {
      title: t('cutover.list.schedule'),
      width: 190,
      render: (_, s) => (
        <span data-testid="spec-schedule">
          <Tooltip title={`${s.schedule.cron} (${s.schedule.timeZone})`}>{describeCron(t, s.schedule.cron)}</Tooltip>{' '}
          {s.schedule.enabled ? <Tag color="green">{t('cutover.list.enabled')}</Tag> : <Tag>{t('cutover.list.disabled')}</Tag>}
          {s.schedule.nextRunAt && (
            <>
              <br />
              <Typography.Text type="secondary">{t('cutover.list.nextRun', { at: formatDateTime(s.schedule.nextRunAt) })}</Typography.Text>
            </>
          )}
        </span>
      ),
    },
    {
      title: t('cutover.list.lastRun'),
      width: 260,
      render: (_, s) =>
        s.lastRun ? (
          <span data-testid="spec-last-run">
            {s.lastRun.businessDate} <RunStatusTag status={s.lastRun.status} />
            {s.lastRun.status === 'succeeded' && (
              <>
                <br />
                <Typography.Text>
                  {t('cutover.list.differences', { count: s.lastRun.differencesTotal })} ·{' '}
                  <Typography.Text type={s.lastRun.unexplained > 0 ? 'danger' : 'success'}>
                    {t('cutover.list.unexplained', { count: s.lastRun.unexplained })}
                  </Typography.Text>
                </Typography.Text>
              </>
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('cutover.list.never')}</Typography.Text>
        ),
    },
    {
      title: t('cutover.exit.title'),
      width: 200,
      render: (_, s) => <ExitCriterionTag criterion={s.exitCriterion} testId="spec-exit" />,
    },
    {
      title: t('common.actions'),
      width: 230,
      fixed: 'right',
      render: (_, s) => (
        <Space size={4} wrap>
          {can('reconcile:create') && (
            <Button
              size="small"
              type="primary"
              ghost
              icon={<CaretRightOutlined />}
              loading={props.starting === s.id}
              data-testid="spec-run"
              onClick={() => props.onRun(s)}
            >
              {t('cutover.run.now')}
            </Button>
          )}
          <Button size="small" icon={<FolderOpenOutlined />} data-testid="spec-open" onClick={() => navigate(`${base}/${s.id}`)}>
            {t('cutover.list.open')}
          </Button>
          {can('reconcile:update') && (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              data-testid="spec-edit"
              onClick={() => navigate(`${base}/${s.id}/edit`)}
            />
          )}
        </Space>
      ),
    },
  ];
}
