import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { RiskScoreTag, RiskStatusTag } from './risk-tags';
import type { RiskView } from '../types';

/**
 * The register's columns: code, title, category, P, I, risk value, status, owner, due date, source
 * indicator, and edit / delete when either is allowed.
 */
export function useRiskColumns(props: {
  canUpdate: boolean;
  canDelete: boolean;
  onEdit: (risk: RiskView) => void;
  onDelete: (risk: RiskView) => void;
}): TableColumnsType<RiskView> {
  const { t } = useTranslation();
  const showActions = props.canUpdate || props.canDelete;
  return [
    { title: t('risks.field.code'), dataIndex: 'code', width: 72, fixed: 'left', sorter: (a, b) => a.code.localeCompare(b.code) },
    {
      title: t('risks.field.title'),
      dataIndex: 'title',
      width: 260,
      render: (v: string, r) => (
        <div>
          {props.canUpdate ? (
            <a onClick={() => props.onEdit(r)} data-testid="risk-open">
              {v}
            </a>
          ) : (
            v
          )}
          {r.description && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 1, tooltip: r.description }} style={{ margin: 0, fontSize: 12 }}>
              {r.description}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: t('risks.field.category'),
      dataIndex: 'category',
      width: 100,
      render: (c: RiskView['category']) => t(`risks.category.${c}`),
    },
    { title: t('risks.field.probabilityShort'), dataIndex: 'probability', width: 60, align: 'center' },
    { title: t('risks.field.impactShort'), dataIndex: 'impact', width: 60, align: 'center' },
    {
      title: t('risks.field.score'),
      dataIndex: 'score',
      width: 110,
      sorter: (a, b) => a.score - b.score,
      sortDirections: ['descend', 'ascend'],
      render: (_, r) => <RiskScoreTag score={r.score} level={r.level} testId={`risk-score-${r.code}`} />,
    },
    { title: t('risks.field.status'), dataIndex: 'status', width: 90, render: (_, r) => <RiskStatusTag status={r.status} /> },
    { title: t('risks.field.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('risks.field.dueDate'),
      dataIndex: 'dueDate',
      width: 140,
      render: (v: string | null, r) => (
        <Space size={4}>
          {v ?? '—'}
          {r.overdue && (
            <Tag color="red" data-testid={`risk-overdue-${r.code}`}>
              {t('risks.register.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('risks.field.sourceIndicator'),
      dataIndex: 'sourceIndicator',
      width: 170,
      // The server names the indicator in the user's language; its code stays in data-source only.
      render: (_: string | null, r) =>
        r.sourceIndicatorTitle ? <span data-testid={`risk-source-${r.code}`}>{r.sourceIndicatorTitle}</span> : '—',
    },
    ...(showActions
      ? [
          {
            title: t('common.actions'),
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, r: RiskView) => (
              <Space size={0}>
                {props.canUpdate && (
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    data-testid={`risk-edit-${r.code}`}
                    onClick={() => props.onEdit(r)}
                  />
                )}
                {props.canDelete && (
                  <Popconfirm
                    title={t('risks.register.deleteConfirm', { code: r.code })}
                    onConfirm={() => props.onDelete(r)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      data-testid={`risk-delete-${r.code}`}
                    />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
}
