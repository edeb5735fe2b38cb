import { DeleteOutlined, EditOutlined, LineChartOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Progress, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../api/api';
import type { Goal, Member } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatNumber } from '../../../components/format';
import { moduleLabel, phaseLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { GoalDrawer } from '../components/goal-drawer';
import { GoalFormModal } from '../components/goal-form-modal';
import { ProjectInfoTab } from '../components/project-info-tab';
import { RoiTab } from '../components/roi-tab';
import { SmartStatus } from '../components/smart-status';

/** 目标: project info, SMART goals with KPIs, and the ROI case. */
export default function GoalsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can, reloadProject } = useProject();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'goals';
  const goals = useApi(() => api.goals.list(project.id), [project.id]);
  const members = useApi(() => api.team.members(project.id).catch(() => ({ items: [] as Member[] })), [project.id]);
  const [editing, setEditing] = useState<Goal | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${project.name} · ${phaseLabel(t, 'goals')}`;
  }, [project.name, t]);

  const items = goals.data?.items ?? [];
  const detail = items.find((g) => g.id === detailId) ?? null;

  const remove = async (goal: Goal) => {
    try {
      await api.goals.remove(project.id, goal.id);
      message.success(t('common.deleted'));
      await goals.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const goalsTable = (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('goals.intro')}</Typography.Text>
        {can('goal:create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="goal-create"
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('goals.create')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={goals.error} onRetry={() => void goals.reload()} />
      <Table<Goal>
        rowKey="id"
        data-testid="goal-table"
        loading={goals.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('goals.empty') }}
        scroll={{ x: 1340 }}
        onRow={(g) => ({ 'data-testid': `goal-row-${g.id}`, 'data-statement': g.statement }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          {
            title: t('goals.statement'),
            dataIndex: 'statement',
            width: 260,
            render: (v: string, g) => (
              <a onClick={() => setDetailId(g.id)} data-testid="goal-open">
                {v}
              </a>
            ),
          },
          { title: t('goals.smart'), width: 320, render: (_, g) => <SmartStatus goal={g} /> },
          {
            title: t('goals.kpi'),
            width: 200,
            render: (_, g) =>
              g.kpiName ? (
                <span>
                  {g.kpiName}
                  {g.kpiUnit ? `（${g.kpiUnit}）` : ''}
                  <br />
                  <Typography.Text type="secondary">
                    {formatNumber(g.baseline)} → {formatNumber(g.target)}
                  </Typography.Text>
                </span>
              ) : (
                '—'
              ),
          },
          { title: t('goals.deadline'), dataIndex: 'deadline', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('goals.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('goals.module'), dataIndex: 'module', width: 90, render: (v: string | null) => moduleLabel(t, v) },
          {
            title: t('goals.progress'),
            dataIndex: 'progress',
            width: 140,
            render: (v: number | null) => (v === null ? '—' : <Progress percent={Math.round(v * 100)} size="small" />),
          },
          {
            title: t('common.actions'),
            width: 130,
            fixed: 'right',
            render: (_, g) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<LineChartOutlined />}
                  onClick={() => setDetailId(g.id)}
                  aria-label={t('goals.detail')}
                  data-testid="goal-detail"
                />
                {can('goal:update') && (
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    data-testid="goal-edit"
                    onClick={() => {
                      setEditing(g);
                      setFormOpen(true);
                    }}
                  />
                )}
                {can('goal:delete') && (
                  <Popconfirm
                    title={t('common.deleteConfirm')}
                    onConfirm={() => remove(g)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );

  return (
    <div data-testid="goals-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        1. {phaseLabel(t, 'goals')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('goals.methodNote')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'goals' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'goals', label: <span data-testid="tab-goals">{t('goals.tabGoals')}</span>, children: goalsTable },
          {
            key: 'info',
            label: <span data-testid="tab-info">{t('goals.tabInfo')}</span>,
            children: (
              <ProjectInfoTab project={project} canEdit={can('project:update')} canDelete={can('project:delete')} onSaved={reloadProject} />
            ),
          },
          {
            key: 'roi',
            label: <span data-testid="tab-roi">{t('goals.tabRoi')}</span>,
            children: <RoiTab projectId={project.id} canEdit={can('roi:update')} />,
          },
        ]}
      />
      <GoalFormModal
        projectId={project.id}
        goal={editing}
        open={formOpen}
        members={members.data?.items ?? []}
        modulesInScope={project.modulesInScope}
        onClose={() => setFormOpen(false)}
        onSaved={(saved) => {
          setFormOpen(false);
          message.success(saved.smart.ok ? t('goals.savedSmart') : t('goals.savedNotSmart'));
          void goals.reload();
        }}
      />
      <GoalDrawer
        projectId={project.id}
        goal={detail}
        canRecord={can('kpi:create')}
        canDelete={can('kpi:delete')}
        onClose={() => setDetailId(null)}
        onChanged={() => void goals.reload()}
      />
    </div>
  );
}
