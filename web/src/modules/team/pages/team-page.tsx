import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { phaseLabel } from '../../../components/labels';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import { GovernanceView } from '../components/governance-view';
import { MemberFormModal } from '../components/member-form-modal';
import { MembersTab } from '../components/members-tab';
import { RaciGrid } from '../components/raci-grid';
import { StakeholderMap } from '../components/stakeholder-map';
import { useTeam } from './use-team';

/** 团队: governance structure, members, RACI and the stakeholder map. */
export default function TeamPage() {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'governance';
  const { members, items, editing, formOpen, closeForm, openForm, saved, remove, exporting, exportXlsx, raciVersion } = useTeam(project.id);

  useEffect(() => {
    document.title = `${project.name} · ${phaseLabel(t, 'team')}`;
  }, [project.name, t]);

  const membersTab = (
    <MembersTab
      items={items}
      loading={members.loading}
      canCreate={can('member:create')}
      canUpdate={can('member:update')}
      canDelete={can('member:delete')}
      onCreate={() => openForm(null)}
      onEdit={openForm}
      onRemove={remove}
    />
  );

  return (
    <div data-testid="team-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            2. {phaseLabel(t, 'team')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('team.methodNote')}</Typography.Paragraph>
        </div>
        {can('member:export') && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="team-export">
            {t('team.export')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={members.error} onRetry={() => void members.reload()} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'governance' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'governance',
            label: <span data-testid="tab-governance">{t('team.tabGovernance')}</span>,
            children: members.loading && !members.data ? <PageSpinner /> : <GovernanceView members={items} />,
          },
          { key: 'members', label: <span data-testid="tab-members">{t('team.tabMembers')}</span>, children: membersTab },
          {
            key: 'raci',
            label: <span data-testid="tab-raci">{t('team.tabRaci')}</span>,
            children: (
              <RaciGrid key={raciVersion} projectId={project.id} canEdit={can('raci:update')} canManageDeliverables={can('raci:update')} />
            ),
          },
          {
            key: 'stakeholders',
            label: <span data-testid="tab-stakeholders">{t('team.tabStakeholders')}</span>,
            children: (
              <StakeholderMap
                projectId={project.id}
                members={items}
                canCreate={can('stakeholder:create')}
                canUpdate={can('stakeholder:update')}
                canDelete={can('stakeholder:delete')}
              />
            ),
          },
        ]}
      />
      <MemberFormModal projectId={project.id} member={editing} open={formOpen} onClose={closeForm} onSaved={saved} />
    </div>
  );
}
