import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnvRequirement } from '../types';
import { RequirementModal } from './requirement-modal';
import { useProfileColumns } from './use-profile-columns';
import { useProfileEditor } from './use-profile-editor';

/** The project's requirement profile (the default one until edited), with its editor. */
export function ProfileCard({
  items,
  isDefault,
  canEdit,
  onChanged,
}: {
  items: EnvRequirement[];
  isDefault: boolean;
  canEdit: boolean;
  onChanged(): Promise<void>;
}) {
  const { t } = useTranslation();
  const editor = useProfileEditor(items, onChanged);
  const columns = useProfileColumns({ canEdit, onEdit: editor.open, onDelete: editor.remove });

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('assessment.env.profile')}
          {isDefault && <Tag>{t('assessment.env.defaultProfile')}</Tag>}
        </Space>
      }
      extra={
        canEdit && (
          <Space>
            <Button size="small" icon={<PlusOutlined />} onClick={() => editor.open('new')}>
              {t('assessment.env.addRequirement')}
            </Button>
            {!isDefault && (
              <Popconfirm title={t('assessment.env.resetConfirm')} onConfirm={editor.reset}>
                <Button size="small" icon={<UndoOutlined />}>
                  {t('assessment.env.reset')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Table<EnvRequirement>
        size="small"
        rowKey="metric"
        pagination={false}
        dataSource={items}
        data-testid="env-profile"
        columns={columns}
      />
      <RequirementModal form={editor.form} editing={editor.editing} onClose={editor.close} onSubmit={editor.submit} />
    </Card>
  );
}
