import { DeleteOutlined, EditOutlined, FileImageOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../components/format';
import { moduleLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import type { Requirement } from '../types';
import { ApprovalTag } from './approval-tag';

const RESOLUTION_COLOR: Record<string, string> = {
  standard: 'default',
  process_change: 'blue',
  configuration: 'cyan',
  custom_development: 'volcano',
};

/**
 * Columns of the requirement list: code (fixed left), the requirement, how it is met, its effort,
 * and fixed on the right the approval (with the decide button) and the row's actions.
 */
export function useRequirementColumns({
  onDecide,
  onPrototypes,
  onEdit,
  onDelete,
}: {
  onDecide(requirement: Requirement): void;
  onPrototypes(requirement: Requirement): void;
  onEdit(requirement: Requirement): void;
  onDelete(requirement: Requirement): Promise<void>;
}): TableColumnsType<Requirement> {
  const { t } = useTranslation();
  const { can } = useProject();
  return [
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
      render: (p: string) => <Tag color={p === 'must' ? 'red' : p === 'wont' ? 'default' : 'blue'}>{t(`blueprint.priority.${p}`)}</Tag>,
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
              <Button size="small" data-testid="approval-open" onClick={() => onDecide(r)}>
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
              onClick={() => onPrototypes(r)}
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
              onClick={() => onEdit(r)}
            />
          )}
          {can('requirement:delete') && (
            <Popconfirm
              title={t('common.deleteConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => onDelete(r)}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
