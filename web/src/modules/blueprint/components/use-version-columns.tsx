import { DeleteOutlined, EyeOutlined, FileWordOutlined, LockOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import { blueprintApi } from '../api';
import type { BlueprintVersion } from '../types';
import { SignoffCell } from './signoff-cell';

/**
 * Columns of the version table: label, status (locked, blocked or pending), content, both sides'
 * sign-offs, who froze it, and the actions (sign, DOCX, preview, compare, delete).
 */
export function useVersionColumns({
  onSign,
  onDocx,
  onCompare,
  onDelete,
}: {
  onSign(version: BlueprintVersion): void;
  onDocx(version: BlueprintVersion): void;
  onCompare(version: BlueprintVersion): void;
  onDelete(version: BlueprintVersion): Promise<void>;
}): TableColumnsType<BlueprintVersion> {
  const { t } = useTranslation();
  const { project, can } = useProject();
  return [
    { title: t('blueprint.version.label'), dataIndex: 'label', width: 70, render: (l: string) => <strong>{l}</strong> },
    {
      title: t('blueprint.version.status'),
      width: 150,
      render: (_, v) =>
        v.locked ? (
          <Tag color="green" icon={<LockOutlined />} data-testid="version-locked">
            {t('blueprint.version.approved')}
          </Tag>
        ) : v.blockers.length ? (
          <Tag color="red">{t('blueprint.version.blocked', { count: v.blockers.length })}</Tag>
        ) : (
          <Tag color="orange">{t('blueprint.version.pending')}</Tag>
        ),
    },
    {
      title: t('blueprint.version.content'),
      width: 220,
      render: (_, v) =>
        t('blueprint.version.summary', {
          requirements: v.summary.requirements,
          custom: v.summary.custom,
          processes: v.summary.processes,
          roles: v.summary.roles,
        }),
    },
    {
      title: t('blueprint.version.clientSide'),
      width: 150,
      render: (_, v) => <SignoffCell signoff={v.signoffs.find((s) => s.side === 'client')} />,
    },
    {
      title: t('blueprint.version.implementerSide'),
      width: 150,
      render: (_, v) => <SignoffCell signoff={v.signoffs.find((s) => s.side === 'implementer')} />,
    },
    {
      title: t('blueprint.version.createdBy'),
      width: 160,
      render: (_, v) => (
        <span>
          {v.createdByName}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(v.createdAt)}
          </Typography.Text>
          {v.note && (
            <>
              <br />
              <Typography.Text style={{ fontSize: 12 }}>{v.note}</Typography.Text>
            </>
          )}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      width: 280,
      fixed: 'right',
      render: (_, v) => (
        <Space size={4} wrap>
          {!v.locked && can('blueprint:approve') && (
            <Button size="small" type="primary" data-testid="version-sign" onClick={() => onSign(v)}>
              {t('blueprint.version.sign')}
            </Button>
          )}
          {can('blueprint:export') && (
            <Button size="small" icon={<FileWordOutlined />} onClick={() => onDocx(v)}>
              DOCX
            </Button>
          )}
          <Button size="small" icon={<EyeOutlined />} href={blueprintApi.documentHtmlUrl(project.id, v.id)} target="_blank">
            {t('blueprint.version.preview')}
          </Button>
          <Button size="small" icon={<SwapOutlined />} onClick={() => onCompare(v)}>
            {t('blueprint.version.compare')}
          </Button>
          {!v.locked && can('blueprint:delete') && (
            <Popconfirm
              title={t('common.deleteConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => onDelete(v)}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
