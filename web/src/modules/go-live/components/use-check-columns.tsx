import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { CHECK_STATUSES, type CheckStatus, type CheckView, type UpdateCheckInput } from '../types';
import { CheckCategoryTag, CheckStatusTag } from './go-live-labels';

/**
 * The checklist table's columns: item, category, owner, status (a select when the caller may update),
 * note (editable in place), last change, and edit / delete when allowed.
 */
export function useCheckColumns(props: {
  canUpdate: boolean;
  canDelete: boolean;
  /** Id of the item being saved, whose status select is busy. */
  saving: string | null;
  onPatch: (check: CheckView, input: UpdateCheckInput) => Promise<void>;
  onEdit: (check: CheckView) => void;
  onRemove: (check: CheckView) => Promise<void>;
}): TableColumnsType<CheckView> {
  const { t } = useTranslation();
  const { canUpdate, canDelete, saving } = props;
  return [
    { title: t('goLive.checks.item'), dataIndex: 'title', render: (title: string) => <strong>{title}</strong> },
    {
      title: t('goLive.checks.category'),
      dataIndex: 'category',
      width: 100,
      render: (c: CheckView['category']) => <CheckCategoryTag category={c} />,
    },
    { title: t('goLive.checks.owner'), dataIndex: 'ownerName', width: 120, render: (n: string | null) => n ?? '—' },
    {
      title: t('goLive.checks.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: CheckStatus, c) =>
        canUpdate ? (
          <Select<CheckStatus>
            size="small"
            style={{ width: 110 }}
            value={status}
            loading={saving === c.id}
            disabled={saving === c.id}
            data-testid={`check-status-${c.title}`}
            onChange={(next) => void props.onPatch(c, { status: next })}
            options={CHECK_STATUSES.map((s) => ({ value: s, label: t(`goLive.checkStatus.${s}`) }))}
          />
        ) : (
          <CheckStatusTag status={status} testId={`check-status-${c.title}`} />
        ),
    },
    {
      title: t('goLive.checks.note'),
      dataIndex: 'note',
      render: (note: string, c) =>
        canUpdate ? (
          <Typography.Text
            editable={{
              tooltip: t('common.edit'),
              maxLength: 2000,
              onChange: (next) => {
                if (next.trim() !== note) void props.onPatch(c, { note: next.trim() });
              },
            }}
            type={note ? undefined : 'secondary'}
          >
            {note}
          </Typography.Text>
        ) : (
          note || '—'
        ),
    },
    {
      title: t('goLive.checks.updated'),
      dataIndex: 'updatedAt',
      width: 170,
      render: (at: string, c) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(at)}
          {c.updatedByName ? ` · ${c.updatedByName}` : ''}
        </Typography.Text>
      ),
    },
    ...(canUpdate || canDelete
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_v: unknown, c: CheckView) => (
              <Space>
                {canUpdate && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => props.onEdit(c)}
                    data-testid={`check-edit-${c.title}`}
                  />
                )}
                {canDelete && (
                  <Popconfirm title={t('goLive.checks.deleteConfirm', { title: c.title })} onConfirm={() => void props.onRemove(c)}>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      data-testid={`check-delete-${c.title}`}
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
