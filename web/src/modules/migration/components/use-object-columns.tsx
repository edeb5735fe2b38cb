import { DeleteOutlined, EditOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import type { MigrationObject } from '../types';
import { CategoryTag, StatusTag } from './labels';

/**
 * The object list's columns: name, category, dependencies, source, target, mapping (or its issues),
 * last batch, and edit / key map / delete.
 */
export function useObjectColumns(props: {
  onEdit: (object: MigrationObject) => void;
  onKeyMap: (object: MigrationObject) => void;
  onRemove: (object: MigrationObject) => Promise<void>;
}): TableColumnsType<MigrationObject> {
  const { t } = useTranslation();
  const { can } = useProject();
  return [
    {
      title: t('migration.objects.name'),
      dataIndex: 'name',
      render: (n: string) => <strong data-testid={`object-${n}`}>{n}</strong>,
    },
    {
      title: t('migration.objects.category'),
      dataIndex: 'category',
      render: (c: MigrationObject['category']) => <CategoryTag category={c} />,
    },
    {
      title: t('migration.objects.dependsOn'),
      dataIndex: 'dependsOn',
      render: (deps: MigrationObject['dependsOn']) => (deps.length ? deps.map((d) => <Tag key={d.id}>{d.name}</Tag>) : '—'),
    },
    {
      title: t('migration.objects.source'),
      render: (_v, o) => o.sourceLabel ?? <Typography.Text type="warning">{t('migration.objects.noSource')}</Typography.Text>,
    },
    {
      title: t('migration.objects.target'),
      render: (_v, o) => o.targetLabel ?? <Typography.Text type="warning">{t('migration.objects.noTarget')}</Typography.Text>,
    },
    {
      title: t('migration.objects.mapping'),
      render: (_v, o) =>
        o.issues.length ? (
          <Typography.Text type="warning">{o.issues.join('；')}</Typography.Text>
        ) : (
          t('migration.objects.mappingCount', { count: o.mapping.length })
        ),
    },
    {
      title: t('migration.objects.lastBatch'),
      render: (_v, o) => (o.lastBatch ? <StatusTag status={o.lastBatch.status} /> : '—'),
    },
    {
      title: t('migration.batch.actions'),
      render: (_v, o) => (
        <Space>
          {can('migration:update') && (
            <Button size="small" icon={<EditOutlined />} onClick={() => props.onEdit(o)} data-testid={`object-edit-${o.name}`}>
              {t('common.edit')}
            </Button>
          )}
          {o.keyColumns.length > 0 && (
            <Button size="small" icon={<KeyOutlined />} onClick={() => props.onKeyMap(o)}>
              {t('migration.keyMap.open')}
            </Button>
          )}
          {can('migration:delete') && (
            <Popconfirm title={t('migration.objects.deleteConfirm', { name: o.name })} onConfirm={() => void props.onRemove(o)}>
              <Button size="small" danger icon={<DeleteOutlined />} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
