import { EyeOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { blueprintApi } from '../api';
import type { BlueprintVersion } from '../types';
import { useVersionColumns } from './use-version-columns';
import { useVersions } from './use-versions';
import { VersionCreateModal } from './version-create-modal';
import { VersionDiffView } from './version-diff-view';
import { VersionSignModal } from './version-sign-modal';

/** 版本与签核: freeze versions, sign them on both sides (then locked), compare versions, download the blueprint document. */
export function VersionsSection(props: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const state = useVersions(props.onChanged);
  const { versions, items, compare, setCompare } = state;
  const columns = useVersionColumns({
    onSign: state.openSign,
    onDocx: (v) => void state.downloadDocx(v),
    onCompare: (v) => setCompare({ from: v.id, to: 'current' }),
    onDelete: state.remove,
  });

  return (
    <div data-testid="versions-section">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('blueprint.version.intro')}</Typography.Text>
        <Space wrap>
          <Button icon={<EyeOutlined />} href={blueprintApi.documentHtmlUrl(project.id)} target="_blank" data-testid="document-preview">
            {t('blueprint.version.previewLatest')}
          </Button>
          {can('blueprint:create') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="version-create" onClick={() => state.setCreating(true)}>
              {t('blueprint.version.create')}
            </Button>
          )}
        </Space>
      </Space>
      <ErrorAlert error={versions.error} onRetry={() => void versions.reload()} />
      {versions.data?.changedSinceLatest && (
        <Alert
          type="info"
          showIcon
          data-testid="changed-since"
          style={{ marginBottom: 12 }}
          message={t('blueprint.version.changedSince', { label: versions.data.latestLabel, count: versions.data.changesSinceLatest ?? 0 })}
          action={
            <Button size="small" icon={<SwapOutlined />} onClick={() => setCompare({ from: items[0]?.id, to: 'current' })}>
              {t('blueprint.version.showChanges')}
            </Button>
          }
        />
      )}
      <Table<BlueprintVersion>
        rowKey="id"
        data-testid="version-table"
        loading={versions.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('blueprint.version.empty') }}
        scroll={{ x: 1200 }}
        onRow={(v) => ({ 'data-testid': `version-row-${v.label}`, 'data-status': v.status }) as React.HTMLAttributes<HTMLTableRowElement>}
        expandable={{
          rowExpandable: (v) => v.blockers.length > 0,
          expandedRowRender: (v) => (
            <ul style={{ margin: 0 }}>
              {v.blockers.map((b) => (
                <li key={b.id}>{b.message}</li>
              ))}
            </ul>
          ),
        }}
        columns={columns}
      />
      {items.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <VersionDiffView projectId={project.id} versions={items} initialFrom={compare.from ?? items[0]?.id} initialTo={compare.to} />
        </div>
      )}
      <VersionCreateModal
        open={state.creating}
        busy={state.busy}
        note={state.note}
        onNote={state.setNote}
        onCancel={() => state.setCreating(false)}
        onOk={() => void state.create()}
      />
      <VersionSignModal
        signing={state.signing}
        busy={state.busy}
        comment={state.signComment}
        onComment={state.setSignComment}
        onCancel={state.closeSign}
        onOk={() => void state.sign()}
      />
    </div>
  );
}
