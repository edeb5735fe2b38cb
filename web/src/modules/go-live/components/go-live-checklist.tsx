import { AppstoreAddOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { Member } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { CheckFormModal } from './check-form-modal';
import { goLiveApi } from '../api';
import { CheckCategoryTag, CheckStatusTag } from './go-live-labels';
import { checklistCounts } from '../go-live-model';
import { CHECK_STATUSES, type CheckStatus, type CheckView, type GoLiveView, type UpdateCheckInput } from '../types';

/** 上线检查清单: the manual go-live checklist; status (and note) editable in place, items added one by one or from the default list. */
export function GoLiveChecklist({ view, onChanged }: { view: GoLiveView; onChanged: (view?: GoLiveView) => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const canCreate = can('go_live:create');
  const canUpdate = can('go_live:update');
  const canDelete = can('go_live:delete');
  const [editing, setEditing] = useState<CheckView | null | 'new'>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [addingTemplate, setAddingTemplate] = useState(false);
  // Owners are project members; a caller who may not list the team still sees the owners' names.
  const members = useApi<Member[]>(
    () =>
      canCreate || canUpdate
        ? api.team
            .members(project.id)
            .then((r) => r.items)
            .catch(() => [])
        : Promise.resolve([]),
    [project.id, canCreate, canUpdate],
  );

  const counts = checklistCounts(view.checks);

  const patch = async (check: CheckView, input: UpdateCheckInput) => {
    setSaving(check.id);
    try {
      await goLiveApi.updateCheck(project.id, check.id, input);
      message.success(t('common.saved'));
      // The checklist criterion follows the items: fetch the whole view again.
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setSaving(null);
    }
  };

  const remove = async (check: CheckView) => {
    try {
      await goLiveApi.removeCheck(project.id, check.id);
      message.success(t('common.deleted'));
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const addTemplate = async () => {
    setAddingTemplate(true);
    try {
      const next = await goLiveApi.addTemplate(project.id);
      const added = next.checks.length - view.checks.length;
      if (added > 0) message.success(t('goLive.checks.templateAdded', { count: added }));
      else message.info(t('goLive.checks.templateNone'));
      await onChanged(next);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setAddingTemplate(false);
    }
  };

  return (
    <Card
      title={t('goLive.checks.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          <Typography.Text type="secondary" data-testid="check-counts" data-done={counts.done} data-total={counts.total}>
            {t('goLive.checks.counts', { done: counts.done, total: counts.total, failed: counts.failed, pending: counts.pending })}
          </Typography.Text>
          {canCreate && (
            <Button icon={<AppstoreAddOutlined />} loading={addingTemplate} onClick={() => void addTemplate()} data-testid="add-template">
              {t('goLive.checks.template')}
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-check">
              {t('goLive.checks.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<CheckView>
        rowKey="id"
        size="middle"
        data-testid="check-table"
        dataSource={view.checks}
        pagination={false}
        locale={{ emptyText: t('goLive.checks.empty') }}
        onRow={(c) =>
          ({
            'data-testid': `check-row-${c.title}`,
            'data-title': c.title,
            'data-status': c.status,
          }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        columns={[
          { title: t('goLive.checks.item'), dataIndex: 'title', render: (title: string) => <strong>{title}</strong> },
          {
            title: t('goLive.checks.category'),
            dataIndex: 'category',
            width: 100,
            render: (c: CheckView['category']) => <CheckCategoryTag category={c} />,
          },
          { title: t('goLive.checks.owner'), dataIndex: 'ownerName', width: 120, render: (n: string | null) => n ?? '—' },
          {
            title: t('goLive.checks.status'),
            dataIndex: 'status',
            width: 140,
            render: (status: CheckStatus, c) =>
              canUpdate ? (
                <Select<CheckStatus>
                  size="small"
                  style={{ width: 110 }}
                  value={status}
                  loading={saving === c.id}
                  disabled={saving === c.id}
                  data-testid={`check-status-${c.title}`}
                  onChange={(next) => void patch(c, { status: next })}
                  options={CHECK_STATUSES.map((s) => ({ value: s, label: t(`goLive.checkStatus.${s}`) }))}
                />
              ) : (
                <CheckStatusTag status={status} testId={`check-status-${c.title}`} />
              ),
          },
          {
            title: t('goLive.checks.note'),
            dataIndex: 'note',
            render: (note: string, c) =>
              canUpdate ? (
                <Typography.Text
                  editable={{
                    tooltip: t('common.edit'),
                    maxLength: 2000,
                    onChange: (next) => {
                      if (next.trim() !== note) void patch(c, { note: next.trim() });
                    },
                  }}
                  type={note ? undefined : 'secondary'}
                >
                  {note}
                </Typography.Text>
              ) : (
                note || '—'
              ),
          },
          {
            title: t('goLive.checks.updated'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (at: string, c) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(at)}
                {c.updatedByName ? ` · ${c.updatedByName}` : ''}
              </Typography.Text>
            ),
          },
          ...(canUpdate || canDelete
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_v: unknown, c: CheckView) => (
                    <Space>
                      {canUpdate && (
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t('common.edit')}
                          onClick={() => setEditing(c)}
                          data-testid={`check-edit-${c.title}`}
                        />
                      )}
                      {canDelete && (
                        <Popconfirm title={t('goLive.checks.deleteConfirm', { title: c.title })} onConfirm={() => void remove(c)}>
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('common.delete')}
                            data-testid={`check-delete-${c.title}`}
                          />
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CheckFormModal
        projectId={project.id}
        open={editing !== null}
        check={editing === 'new' ? null : editing}
        members={members.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          const added = editing === 'new';
          setEditing(null);
          message.success(added ? t('goLive.checks.added') : t('common.saved'));
          void onChanged();
        }}
      />
    </Card>
  );
}
