import { Button, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import type { AssessmentRole } from '../types';

const KIND_COLOR: Record<string, string> = { operator: 'blue', reviewer: 'purple', administrator: 'gold', other: 'default' };

/** Columns of the roles table: department (filterable), role, kind, headcount, tasks, systems, actions. */
export function useRoleColumns({
  items,
  onEdit,
  onDelete,
}: {
  items: AssessmentRole[];
  onEdit(role: AssessmentRole): void;
  onDelete(role: AssessmentRole): Promise<void>;
}): TableColumnsType<AssessmentRole> {
  const { t } = useTranslation();
  const { can } = useProject();
  return [
    {
      title: t('assessment.roles.department'),
      dataIndex: 'department',
      filters: [...new Set(items.map((r) => r.department))].map((d) => ({ text: d, value: d })),
      onFilter: (v, r) => r.department === v,
    },
    { title: t('assessment.roles.name'), dataIndex: 'name' },
    {
      title: t('assessment.roles.kind'),
      dataIndex: 'kind',
      render: (k: string) => <Tag color={KIND_COLOR[k]}>{t(`assessment.roleKind.${k}`)}</Tag>,
    },
    { title: t('assessment.roles.headcount'), dataIndex: 'headcount', align: 'right' },
    { title: t('assessment.roles.mainTasks'), dataIndex: 'mainTasks' },
    {
      title: t('assessment.roles.systems'),
      dataIndex: 'currentSystems',
      render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      key: 'actions',
      width: 130,
      render: (_: unknown, r: AssessmentRole) => (
        <Space size={0}>
          {can('assessment:update') && (
            <Button type="link" size="small" onClick={() => onEdit(r)}>
              {t('common.edit')}
            </Button>
          )}
          {can('assessment:delete') && (
            <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => void onDelete(r)}>
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
