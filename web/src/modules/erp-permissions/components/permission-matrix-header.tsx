import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import type { PermissionMatrix } from '../types';

/** The matrix's title with its counts, and the add role / import from the assessment / export buttons. */
export function PermissionMatrixHeader({
  matrix: m,
  busy,
  onAddRole,
  onImportRoles,
  onExport,
}: {
  matrix: PermissionMatrix;
  busy: 'import' | 'export' | null;
  onAddRole(): void;
  onImportRoles(): void;
  onExport(): void;
}) {
  const { t } = useTranslation();
  const { can } = useProject();
  const canCreate = can('blueprint:create');
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('permissionMatrix.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('permissionMatrix.summary', { roles: m.roles.length, functions: m.functions.length, grants: m.grants.length })}
        </Typography.Text>
      </Space>
      <Space wrap>
        {canCreate && (
          <Button icon={<PlusOutlined />} onClick={onAddRole} data-testid="erp-role-add">
            {t('permissionMatrix.addRole')}
          </Button>
        )}
        {canCreate && (
          <Button icon={<ImportOutlined />} loading={busy === 'import'} onClick={onImportRoles} data-testid="erp-role-import">
            {t('permissionMatrix.importFromAssessment')}
          </Button>
        )}
        {can('blueprint:export') && (
          <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={onExport} data-testid="pm-export">
            {t('permissionMatrix.exportExcel')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
