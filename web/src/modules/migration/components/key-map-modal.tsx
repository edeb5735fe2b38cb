import { App, Button, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { KeyMapPage, MigrationObject } from '../types';

/** 键映射: legacy key → new key of an object's loaded batches, searchable and exportable. */
export function KeyMapModal({ object, onClose }: { object: MigrationObject | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const data = useApi<KeyMapPage | undefined>(
    () => (object ? migrationApi.keyMap(project.id, object.id, { q, limit: 20, offset: (page - 1) * 20 }) : Promise.resolve(undefined)),
    [object?.id, project.id, q, page],
  );
  return (
    <Modal
      open={object !== null}
      onCancel={onClose}
      footer={null}
      width={720}
      title={t('migration.keyMap.title', { name: object?.name ?? '' })}
    >
      <Space style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('migration.keyMap.search')} onSearch={(v) => (setQ(v), setPage(1))} />
        {can('migration:export') && object && (
          <Button onClick={() => void migrationApi.exportKeyMap(project.id, object.id).catch((c) => message.error(toApiError(c).message))}>
            {t('migration.keyMap.export')}
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey={(r) => `${r.batchId}-${r.rowNumber}`}
        loading={data.loading}
        dataSource={data.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('migration.keyMap.legacy'), dataIndex: 'legacyKey' },
          { title: t('migration.keyMap.new'), dataIndex: 'newKey' },
          { title: t('migration.run.number'), dataIndex: 'runNumber', render: (n: number) => `#${n}` },
          { title: t('migration.keyMap.row'), dataIndex: 'rowNumber' },
        ]}
      />
    </Modal>
  );
}
