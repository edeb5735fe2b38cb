import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { AuditEntry } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { codeLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { JsonDiff } from '../components/json-diff';

const ENTITIES = [
  'project',
  'goal',
  'kpi_measurement',
  'roi_settings',
  'roi_item',
  'member',
  'raci',
  'deliverable',
  'stakeholder',
  'stakeholder_assessment',
  'data_connection',
  'reconcile_spec',
  'process_map',
  'process_bottleneck',
  'assessment_role',
  'env_site',
  'assessment_report_version',
  'requirement',
  'requirement_approval',
  'blueprint_version',
  'blueprint_signoff',
  'erp_role',
  'erp_role_grant',
  'sod_rule',
  'sod_mitigation',
  'data_asset',
  'migration_object',
  'migration_run',
] as const;
const PAGE_SIZE = 20;

/** 审计日志: who changed what in the project, with the before/after of each change. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { project } = useProject();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<string>();
  const audit = useApi(
    () => api.projects.audit(project.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, entity }),
    [project.id, page, entity],
  );

  return (
    <div data-testid="audit-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.audit')}
        </Typography.Title>
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('audit.allEntities')}
          value={entity}
          data-testid="audit-entity"
          onChange={(value: string | undefined) => {
            setEntity(value);
            setPage(1);
          }}
          options={ENTITIES.map((e) => ({ value: e, label: codeLabel(t, 'entity', e) }))}
        />
      </Space>
      <ErrorAlert error={audit.error} onRetry={() => void audit.reload()} />
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        data-testid="audit-table"
        loading={audit.loading}
        dataSource={audit.data?.items ?? []}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        expandable={{ expandedRowRender: (row) => <JsonDiff before={row.before} after={row.after} /> }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 190, render: (v: string) => formatDateTime(v) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? t('audit.system') },
          { title: t('audit.entity'), dataIndex: 'entity', width: 140, render: (v: string) => codeLabel(t, 'entity', v) },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 120,
            render: (v: string) => (
              <Tag color={v === 'delete' ? 'red' : v === 'create' ? 'green' : 'blue'}>{codeLabel(t, 'auditAction', v)}</Tag>
            ),
          },
          { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        ]}
      />
    </div>
  );
}
