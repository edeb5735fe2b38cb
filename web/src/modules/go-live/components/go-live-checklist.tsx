import { AppstoreAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { checklistCounts } from '../go-live-model';
import type { CheckView, GoLiveView } from '../types';
import { CheckFormModal } from './check-form-modal';
import { useCheckColumns } from './use-check-columns';
import { useChecklist } from './use-checklist';

/** 上线检查清单: the manual go-live checklist; status (and note) editable in place, items added one by one or from the default list. */
export function GoLiveChecklist({ view, onChanged }: { view: GoLiveView; onChanged: (view?: GoLiveView) => Promise<void> }) {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const canCreate = can('go_live:create');
  const checklist = useChecklist(view, onChanged);
  const columns = useCheckColumns({
    canUpdate: can('go_live:update'),
    canDelete: can('go_live:delete'),
    saving: checklist.saving,
    onPatch: checklist.patch,
    onEdit: checklist.setEditing,
    onRemove: checklist.remove,
  });
  const counts = checklistCounts(view.checks);
  const { editing } = checklist;

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
            <Button
              icon={<AppstoreAddOutlined />}
              loading={checklist.addingTemplate}
              onClick={() => void checklist.addTemplate()}
              data-testid="add-template"
            >
              {t('goLive.checks.template')}
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => checklist.setEditing('new')} data-testid="add-check">
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
        columns={columns}
      />
      <CheckFormModal
        projectId={project.id}
        open={editing !== null}
        check={editing === 'new' ? null : editing}
        members={checklist.members}
        onClose={() => checklist.setEditing(null)}
        onSaved={checklist.saved}
      />
    </Card>
  );
}
