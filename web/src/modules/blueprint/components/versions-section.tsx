import {
  CheckCircleOutlined,
  DeleteOutlined,
  EyeOutlined,
  FileWordOutlined,
  LockOutlined,
  PlusOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { blueprintApi } from '../api';
import type { BlueprintVersion, Signoff } from '../types';
import { VersionDiffView } from './version-diff-view';

function SignoffCell(props: { signoff: Signoff | undefined }) {
  const { t } = useTranslation();
  if (!props.signoff) return <Typography.Text type="secondary">{t('blueprint.version.notSigned')}</Typography.Text>;
  return (
    <Tooltip title={props.signoff.comment || undefined}>
      <span data-testid={`signed-${props.signoff.side}`}>
        <CheckCircleOutlined style={{ color: '#52c41a' }} /> {props.signoff.signerName}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(props.signoff.signedAt)}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

/** 版本与签核: freeze versions, sign them on both sides (then locked), compare versions, download the blueprint document. */
export function VersionsSection(props: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const versions = useApi(() => blueprintApi.versions(project.id), [project.id]);
  const [creating, setCreating] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState<BlueprintVersion | null>(null);
  const [signComment, setSignComment] = useState('');
  const [compare, setCompare] = useState<{ from?: string; to?: string }>({});
  const items = versions.data?.items ?? [];

  const create = async () => {
    setBusy(true);
    try {
      const v = await blueprintApi.createVersion(project.id, note);
      message.success(t('blueprint.version.created', { label: v.label }));
      setCreating(false);
      setNote('');
      await versions.reload();
      props.onChanged?.();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const sign = async () => {
    if (!signing) return;
    setBusy(true);
    try {
      const v = await blueprintApi.sign(project.id, signing.id, signComment);
      message.success(v.locked ? t('blueprint.version.lockedNow', { label: v.label }) : t('blueprint.version.signed'));
      setSigning(null);
      await versions.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="versions-section">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('blueprint.version.intro')}</Typography.Text>
        <Space wrap>
          <Button icon={<EyeOutlined />} href={blueprintApi.documentHtmlUrl(project.id)} target="_blank" data-testid="document-preview">
            {t('blueprint.version.previewLatest')}
          </Button>
          {can('blueprint:create') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="version-create" onClick={() => setCreating(true)}>
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
        columns={[
          { title: t('blueprint.version.label'), dataIndex: 'label', width: 70, render: (l: string) => <strong>{l}</strong> },
          {
            title: t('blueprint.version.status'),
            width: 150,
            render: (_, v) =>
              v.locked ? (
                <Tag color="green" icon={<LockOutlined />} data-testid="version-locked">
                  {t('blueprint.version.approved')}
                </Tag>
              ) : v.blockers.length ? (
                <Tag color="red">{t('blueprint.version.blocked', { count: v.blockers.length })}</Tag>
              ) : (
                <Tag color="orange">{t('blueprint.version.pending')}</Tag>
              ),
          },
          {
            title: t('blueprint.version.content'),
            width: 220,
            render: (_, v) =>
              t('blueprint.version.summary', {
                requirements: v.summary.requirements,
                custom: v.summary.custom,
                processes: v.summary.processes,
                roles: v.summary.roles,
              }),
          },
          {
            title: t('blueprint.version.clientSide'),
            width: 150,
            render: (_, v) => <SignoffCell signoff={v.signoffs.find((s) => s.side === 'client')} />,
          },
          {
            title: t('blueprint.version.implementerSide'),
            width: 150,
            render: (_, v) => <SignoffCell signoff={v.signoffs.find((s) => s.side === 'implementer')} />,
          },
          {
            title: t('blueprint.version.createdBy'),
            width: 160,
            render: (_, v) => (
              <span>
                {v.createdByName}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(v.createdAt)}
                </Typography.Text>
                {v.note && (
                  <>
                    <br />
                    <Typography.Text style={{ fontSize: 12 }}>{v.note}</Typography.Text>
                  </>
                )}
              </span>
            ),
          },
          {
            title: t('common.actions'),
            width: 280,
            fixed: 'right',
            render: (_, v) => (
              <Space size={4} wrap>
                {!v.locked && can('blueprint:approve') && (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="version-sign"
                    onClick={() => {
                      setSignComment('');
                      setSigning(v);
                    }}
                  >
                    {t('blueprint.version.sign')}
                  </Button>
                )}
                {can('blueprint:export') && (
                  <Button
                    size="small"
                    icon={<FileWordOutlined />}
                    onClick={() =>
                      blueprintApi.documentDocx(project.id, v.id).catch((cause: unknown) => message.error(toApiError(cause).message))
                    }
                  >
                    DOCX
                  </Button>
                )}
                <Button size="small" icon={<EyeOutlined />} href={blueprintApi.documentHtmlUrl(project.id, v.id)} target="_blank">
                  {t('blueprint.version.preview')}
                </Button>
                <Button size="small" icon={<SwapOutlined />} onClick={() => setCompare({ from: v.id, to: 'current' })}>
                  {t('blueprint.version.compare')}
                </Button>
                {!v.locked && can('blueprint:delete') && (
                  <Popconfirm
                    title={t('common.deleteConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      try {
                        await blueprintApi.deleteVersion(project.id, v.id);
                        await versions.reload();
                      } catch (cause) {
                        message.error(toApiError(cause).message);
                      }
                    }}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {items.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <VersionDiffView projectId={project.id} versions={items} initialFrom={compare.from ?? items[0]?.id} initialTo={compare.to} />
        </div>
      )}
      <Modal
        open={creating}
        title={t('blueprint.version.create')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        confirmLoading={busy}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        okButtonProps={{ id: 'version-create-ok' }}
      >
        <Typography.Paragraph type="secondary">{t('blueprint.version.createHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('blueprint.version.note')}
        />
      </Modal>
      <Modal
        open={!!signing}
        title={signing ? t('blueprint.version.signTitle', { label: signing.label }) : ''}
        onCancel={() => setSigning(null)}
        onOk={() => void sign()}
        confirmLoading={busy}
        okText={t('blueprint.version.sign')}
        cancelText={t('common.cancel')}
        okButtonProps={{ id: 'version-sign-ok' }}
      >
        <Typography.Paragraph>{t('blueprint.version.signHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={signComment}
          onChange={(e) => setSignComment(e.target.value)}
          placeholder={t('blueprint.approval.comment')}
        />
      </Modal>
    </div>
  );
}
