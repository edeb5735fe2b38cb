import { DeleteOutlined, DownloadOutlined, EditOutlined, FileImageOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { ERP_MODULES } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatNumber } from '../../../components/format';
import { moduleLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { toApiError, type ApiState } from '../../../components/use-api';
import { blueprintApi } from '../api';
import { CustomisationMeterCard } from './customisation-meter-card';
import { PrototypesDrawer } from './prototypes-drawer';
import { RequirementFormModal } from './requirement-form-modal';
import { RESOLUTIONS, type ApprovalStatus, type Requirement, type RequirementList } from '../types';

const APPROVAL_COLOR: Record<ApprovalStatus, string> = { pending: 'orange', approved: 'green', rejected: 'red' };
const RESOLUTION_COLOR: Record<string, string> = {
  standard: 'default',
  process_change: 'blue',
  configuration: 'cyan',
  custom_development: 'volcano',
};

/** Shows an approval tag; exported for the versions page. */
export function ApprovalTag(props: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPROVAL_COLOR[props.status]} data-testid={`approval-${props.status}`}>
      {t(`blueprint.approvalStatus.${props.status}`)}
    </Tag>
  );
}

/** Import errors: row, column header, reason. */
function parseImportErrors(error: ApiError): { key: string; row: string; column: string; reason: string }[] {
  return error.details.map((d, i) => {
    const match = /^row:(\d+):(.*)$/.exec(d.field);
    return { key: String(i), row: match ? match[1] : '', column: match ? match[2] : d.field, reason: d.reason };
  });
}

/** 需求清单（Fit-Gap）: the requirement list with the method's rule, approvals, prototypes, meter, Excel. */
export function RequirementsSection(props: { state: ApiState<RequirementList> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const { state } = props;
  const [editing, setEditing] = useState<Requirement | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deciding, setDeciding] = useState<Requirement | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [protoFor, setProtoFor] = useState<Requirement | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [importing, setImporting] = useState(false);
  const [moduleFilter, setModuleFilter] = useState<string | undefined>();
  const [resolutionFilter, setResolutionFilter] = useState<string | undefined>();
  const [search, setSearch] = useState('');

  const items = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (state.data?.items ?? []).filter(
      (r) =>
        (!moduleFilter || r.module === moduleFilter) &&
        (!resolutionFilter || r.resolution === resolutionFilter) &&
        (!q || `${r.code} ${r.title} ${r.department} ${r.processStepName}`.toLowerCase().includes(q)),
    );
  }, [state.data, moduleFilter, resolutionFilter, search]);

  const reload = () => void state.reload();

  const decide = async (decision: 'approved' | 'rejected') => {
    if (!deciding) return;
    setBusy(true);
    try {
      await blueprintApi.decide(project.id, deciding.id, decision, comment);
      message.success(decision === 'approved' ? t('blueprint.approval.approvedDone') : t('blueprint.approval.rejectedDone'));
      setDeciding(null);
      reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const runImport = async (file: File) => {
    setImporting(true);
    try {
      const result = await blueprintApi.importXlsx(project.id, file);
      message.success(t('blueprint.excel.imported', { created: result.created, updated: result.updated }));
      reload();
    } catch (cause) {
      const error = toApiError(cause);
      if (error.details.length) setImportError(error);
      else message.error(error.message);
    } finally {
      setImporting(false);
    }
  };

  const downloadWith = (fn: () => Promise<void>) => () => {
    fn().catch((cause: unknown) => message.error(toApiError(cause).message));
  };

  return (
    <div data-testid="requirements-section">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('blueprint.req.search')}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 220 }}
            data-testid="requirement-search"
          />
          <Select
            allowClear
            placeholder={t('blueprint.field.module')}
            style={{ width: 130 }}
            value={moduleFilter}
            onChange={setModuleFilter}
            options={ERP_MODULES.map((m) => ({ value: m, label: moduleLabel(t, m) }))}
          />
          <Select
            allowClear
            placeholder={t('blueprint.field.resolution')}
            style={{ width: 140 }}
            value={resolutionFilter}
            onChange={setResolutionFilter}
            options={RESOLUTIONS.map((r) => ({ value: r, label: t(`blueprint.resolution.${r}`) }))}
          />
        </Space>
        <Space wrap>
          {can('requirement:create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="requirement-create"
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('blueprint.req.create')}
            </Button>
          )}
          {can('requirement:create') && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void runImport(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importing} data-testid="requirement-import">
                {t('blueprint.excel.import')}
              </Button>
            </Upload>
          )}
          <Button icon={<DownloadOutlined />} onClick={downloadWith(() => blueprintApi.template(project.id))}>
            {t('blueprint.excel.template')}
          </Button>
          {can('requirement:export') && (
            <Button
              icon={<DownloadOutlined />}
              data-testid="requirement-export"
              onClick={downloadWith(() => blueprintApi.exportXlsx(project.id))}
            >
              {t('blueprint.excel.export')}
            </Button>
          )}
        </Space>
      </Space>
      <ErrorAlert error={state.error} onRetry={reload} />
      {state.data && state.data.blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="signoff-blockers"
          style={{ marginBottom: 12 }}
          message={t('blueprint.req.blockersTitle', { count: state.data.blockers.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {state.data.blockers.map((b) => (
                <li key={b.id}>{b.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {state.data && (
        <CustomisationMeterCard projectId={project.id} meter={state.data.meter} canEdit={can('blueprint:update')} onChanged={reload} />
      )}
      <Table<Requirement>
        rowKey="id"
        size="middle"
        data-testid="requirement-table"
        loading={state.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { count: n }) }}
        locale={{ emptyText: t('blueprint.req.empty') }}
        scroll={{ x: 1300 }}
        onRow={(r) => ({ 'data-testid': `requirement-row-${r.code}`, 'data-title': r.title }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('blueprint.field.code'), dataIndex: 'code', width: 90, fixed: 'left' },
          {
            title: t('blueprint.field.name'),
            dataIndex: 'title',
            width: 240,
            render: (v: string, r) => (
              <span>
                {v}
                {r.description && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12 }}>
                    {r.description}
                  </Typography.Paragraph>
                )}
              </span>
            ),
          },
          { title: t('blueprint.field.module'), dataIndex: 'module', width: 80, render: (m: string) => moduleLabel(t, m) },
          { title: t('blueprint.field.department'), dataIndex: 'department', width: 100 },
          { title: t('blueprint.field.processStep'), dataIndex: 'processStepName', width: 130, render: (v: string) => v || '—' },
          {
            title: t('blueprint.field.priority'),
            dataIndex: 'priority',
            width: 90,
            render: (p: string) => (
              <Tag color={p === 'must' ? 'red' : p === 'wont' ? 'default' : 'blue'}>{t(`blueprint.priority.${p}`)}</Tag>
            ),
          },
          {
            title: t('blueprint.field.resolution'),
            width: 150,
            render: (_, r) => (
              <span>
                <Tag color={RESOLUTION_COLOR[r.resolution]}>{t(`blueprint.resolution.${r.resolution}`)}</Tag>
                {r.configKind && <Typography.Text type="secondary">{t(`blueprint.configKind.${r.configKind}`)}</Typography.Text>}
              </span>
            ),
          },
          {
            title: t('blueprint.field.effortDays'),
            dataIndex: 'effortDays',
            width: 90,
            align: 'right',
            render: (v: number | null) => formatNumber(v, 1),
          },
          {
            title: t('blueprint.field.approval'),
            width: 200,
            fixed: 'right',
            render: (_, r) =>
              r.approval ? (
                <Space size={4} wrap>
                  <Tooltip
                    title={
                      r.approval.decidedByName
                        ? `${r.approval.decidedByName}${r.approval.comment ? `：${r.approval.comment}` : ''}`
                        : t('blueprint.approval.requestedBy', { name: r.approval.requestedByName })
                    }
                  >
                    <span>
                      <ApprovalTag status={r.approval.status} />
                    </span>
                  </Tooltip>
                  {r.approval.status === 'pending' && can('requirement:approve') && (
                    <Button
                      size="small"
                      data-testid="approval-open"
                      onClick={() => {
                        setComment('');
                        setDeciding(r);
                      }}
                    >
                      {t('blueprint.approval.decide')}
                    </Button>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            width: 130,
            fixed: 'right',
            render: (_, r) => (
              <Space size={0}>
                <Tooltip title={t('blueprint.proto.title')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<FileImageOutlined />}
                    onClick={() => setProtoFor(r)}
                    data-testid="requirement-prototypes"
                  >
                    {r.prototypeCount || ''}
                  </Button>
                </Tooltip>
                {can('requirement:update') && (
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    data-testid="requirement-edit"
                    onClick={() => {
                      setEditing(r);
                      setFormOpen(true);
                    }}
                  />
                )}
                {can('requirement:delete') && (
                  <Popconfirm
                    title={t('common.deleteConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      try {
                        await blueprintApi.remove(project.id, r.id);
                        message.success(t('common.deleted'));
                        reload();
                      } catch (cause) {
                        message.error(toApiError(cause).message);
                      }
                    }}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RequirementFormModal
        projectId={project.id}
        requirement={editing}
        open={formOpen}
        modulesInScope={project.modulesInScope}
        onClose={() => setFormOpen(false)}
        onSaved={(saved) => {
          setFormOpen(false);
          message.success(saved.approval?.status === 'pending' ? t('blueprint.req.savedPending') : t('common.saved'));
          reload();
        }}
      />
      <Modal
        open={!!deciding}
        title={deciding ? `${t('blueprint.approval.title')} · ${deciding.code} ${deciding.title}` : ''}
        onCancel={() => setDeciding(null)}
        footer={[
          <Button key="cancel" onClick={() => setDeciding(null)}>
            {t('common.cancel')}
          </Button>,
          <Button key="reject" danger loading={busy} onClick={() => void decide('rejected')} data-testid="approval-reject">
            {t('blueprint.approval.reject')}
          </Button>,
          <Button key="approve" type="primary" loading={busy} onClick={() => void decide('approved')} data-testid="approval-approve">
            {t('blueprint.approval.approve')}
          </Button>,
        ]}
        data-testid="approval-modal"
      >
        {deciding && (
          <div>
            <Typography.Paragraph type="secondary">{t('blueprint.approval.intro')}</Typography.Paragraph>
            <dl style={{ margin: 0 }}>
              <dt>
                <strong>{t('blueprint.field.gapReason')}</strong>
              </dt>
              <dd>{deciding.gapReason}</dd>
              <dt>
                <strong>{t('blueprint.field.justification')}</strong>
              </dt>
              <dd>{deciding.justification}</dd>
              <dt>
                <strong>{t('blueprint.field.effortDays')}</strong>
              </dt>
              <dd>{formatNumber(deciding.effortDays, 1)}</dd>
              <dt>
                <strong>{t('blueprint.field.upgradeImpact')}</strong>
              </dt>
              <dd>{deciding.upgradeImpact}</dd>
            </dl>
            <Typography.Paragraph type="secondary">
              {t('blueprint.approval.requestedBy', { name: deciding.approval?.requestedByName ?? '' })}
            </Typography.Paragraph>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('blueprint.approval.comment')}
              data-testid="approval-comment"
            />
          </div>
        )}
      </Modal>
      <Modal
        open={!!importError}
        title={t('blueprint.excel.errorsTitle')}
        onCancel={() => setImportError(null)}
        footer={<Button onClick={() => setImportError(null)}>{t('common.confirm')}</Button>}
        width={760}
        data-testid="import-errors"
      >
        {importError && (
          <>
            <Alert type="error" showIcon message={importError.message} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey="key"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={parseImportErrors(importError)}
              columns={[
                { title: t('blueprint.excel.row'), dataIndex: 'row', width: 70 },
                { title: t('blueprint.excel.column'), dataIndex: 'column', width: 140 },
                { title: t('blueprint.excel.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Modal>
      <PrototypesDrawer
        projectId={project.id}
        requirement={protoFor}
        canEdit={can('requirement:update')}
        onClose={() => setProtoFor(null)}
        onChanged={reload}
      />
    </div>
  );
}
