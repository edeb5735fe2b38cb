import { App, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { phaseLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { GoalDrawer } from '../components/goal-drawer';
import { GoalFormModal } from '../components/goal-form-modal';
import { GoalsTab } from '../components/goals-tab';
import { ProjectInfoTab } from '../components/project-info-tab';
import { RoiTab } from '../components/roi-tab';
import { useGoals } from './use-goals';

/** 目标: project info, SMART goals with KPIs, and the ROI case. */
export default function GoalsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can, reloadProject } = useProject();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'goals';
  const { goals, items, members, editing, formOpen, setFormOpen, openForm, detail, setDetailId, remove } = useGoals(project.id);

  useEffect(() => {
    document.title = `${project.name} · ${phaseLabel(t, 'goals')}`;
  }, [project.name, t]);

  const goalsTab = (
    <GoalsTab
      items={items}
      loading={goals.loading}
      error={goals.error}
      onRetry={() => void goals.reload()}
      canCreate={can('goal:create')}
      canUpdate={can('goal:update')}
      canDelete={can('goal:delete')}
      onCreate={() => openForm(null)}
      onOpen={(g) => setDetailId(g.id)}
      onEdit={openForm}
      onRemove={remove}
    />
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
          { key: 'goals', label: <span data-testid="tab-goals">{t('goals.tabGoals')}</span>, children: goalsTab },
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
