import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../api/api';
import type { Member } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { phaseLabel, roleLabel, tierLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { GovernanceView } from '../components/governance-view';
import { PageSpinner } from '../../../components/page-spinner';
import { MemberFormModal } from '../components/member-form-modal';
import { RaciGrid } from '../components/raci-grid';
import { StakeholderMap } from '../components/stakeholder-map';

/** 团队: governance structure, members, RACI and the stakeholder map. */
export default function TeamPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'governance';
  const members = useApi(() => api.team.members(project.id), [project.id]);
  const [editing, setEditing] = useState<Member | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [raciVersion, setRaciVersion] = useState(0);

  useEffect(() => {
    document.title = `${project.name} · ${phaseLabel(t, 'team')}`;
  }, [project.name, t]);

  const items = members.data?.items ?? [];

  const remove = async (m: Member) => {
    try {
      await api.team.removeMember(project.id, m.id);
      message.success(t('common.deleted'));
      await members.reload();
      setRaciVersion((v) => v + 1);
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await api.team.exportXlsx(project.id);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setExporting(false);
    }
  };

  const memberTable = (
    <>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 12 }}>
        {can('member:create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="member-add"
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('team.addMember')}
          </Button>
        )}
      </Space>
      <Table<Member>
        rowKey="id"
        data-testid="member-table"
        loading={members.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('team.empty') }}
        onRow={(m) => ({ 'data-testid': `member-row-${m.id}`, 'data-name': m.name }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('team.name'), dataIndex: 'name', fixed: 'left', width: 110 },
          { title: t('team.department'), dataIndex: 'department' },
          { title: t('team.title'), dataIndex: 'title' },
          { title: t('team.projectRole'), dataIndex: 'projectRole', render: (v: string) => <Tag color="blue">{roleLabel(t, v)}</Tag> },
          { title: t('team.tier'), dataIndex: 'tier', render: (v: string) => tierLabel(t, v) },
          { title: t('team.organization'), dataIndex: 'organization' },
          { title: t('team.allocation'), dataIndex: 'allocationPct', width: 90, align: 'right', render: (v: number) => `${v}%` },
          {
            title: t('team.contact'),
            render: (_, m) => (
              <span style={{ fontSize: 12 }}>
                {m.phone}
                {m.phone && m.email ? <br /> : null}
                {m.email}
              </span>
            ),
          },
          { title: t('team.account'), dataIndex: 'accountEmail', render: (v: string | null) => (v ? <Tag color="green">{v}</Tag> : '—') },
          {
            title: t('common.actions'),
            fixed: 'right',
            width: 90,
            render: (_, m) => (
              <Space size={0}>
                {can('member:update') && (
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    data-testid="member-edit"
                    onClick={() => {
                      setEditing(m);
                      setFormOpen(true);
                    }}
                  />
                )}
                {can('member:delete') && (
                  <Popconfirm
                    title={t('team.removeConfirm', { name: m.name })}
                    onConfirm={() => remove(m)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
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
          { key: 'members', label: <span data-testid="tab-members">{t('team.tabMembers')}</span>, children: memberTable },
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
      <MemberFormModal
        projectId={project.id}
        member={editing}
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          message.success(t('common.saved'));
          void members.reload();
          setRaciVersion((v) => v + 1);
        }}
      />
    </div>
  );
}
