import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { KeyMapModal } from '../components/key-map-modal';
import { ObjectEditor } from '../components/object-editor';
import { PlanCard } from '../components/plan-card';
import { RunHistory } from '../components/run-history';
import { useObjectColumns } from '../components/use-object-columns';
import type { MigrationObject } from '../types';
import { useMigration } from './use-migration';

/** 上线 → 数据迁移: migration objects, the plan (dependency graph and order), simulate/run, batches and rollback. */
export default function MigrationPage() {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const migration = useMigration(project.id);
  const { objects, runs, items } = migration;
  const [editing, setEditing] = useState<MigrationObject | null | 'new'>(null);
  const [keyMapOf, setKeyMapOf] = useState<MigrationObject | null>(null);
  const columns = useObjectColumns({ onEdit: setEditing, onKeyMap: setKeyMapOf, onRemove: migration.remove });

  return (
    <div data-testid="migration-page">
      <Typography.Paragraph type="secondary">{t('migration.intro')}</Typography.Paragraph>
      <ErrorAlert error={objects.error ?? runs.error} onRetry={() => void migration.reloadAll()} />

      <Card
        title={t('migration.objects.title')}
        style={{ marginBottom: 16 }}
        extra={
          can('migration:create') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="object-create" onClick={() => setEditing('new')}>
              {t('migration.objects.create')}
            </Button>
          )
        }
      >
        <Table<MigrationObject>
          rowKey="id"
          size="middle"
          loading={objects.loading}
          dataSource={items}
          pagination={false}
          data-testid="object-list"
          columns={columns}
        />
      </Card>

      <PlanCard
        plan={migration.plan}
        current={migration.current}
        job={migration.job}
        starting={migration.starting}
        onStart={migration.start}
      />

      <Card title={t('migration.runs.title')}>
        <RunHistory runs={migration.runList} onChanged={migration.runChanged} />
      </Card>

      <ObjectEditor
        open={editing !== null}
        object={editing === 'new' ? null : editing}
        objects={items}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void migration.reloadAll();
        }}
      />
      <KeyMapModal object={keyMapOf} onClose={() => setKeyMapOf(null)} />
    </div>
  );
}
