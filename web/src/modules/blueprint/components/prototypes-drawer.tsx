import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Image, Input, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, useApi } from '../../../components/use-api';
import { blueprintApi } from '../api';
import type { Requirement } from '../types';

const LIMIT = 5 * 1024 * 1024;

/** UI prototypes (PNG/JPEG) of a requirement: upload, view, remove. */
export function PrototypesDrawer(props: {
  projectId: string;
  requirement: Requirement | null;
  canEdit: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { requirement, projectId } = props;
  const [caption, setCaption] = useState('');
  const [busy, setBusy] = useState(false);
  const list = useApi(
    () => (requirement ? blueprintApi.prototypes(projectId, requirement.id) : Promise.resolve({ items: [] })),
    [projectId, requirement?.id],
  );

  const upload = async (file: File) => {
    if (!requirement) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      message.error(t('blueprint.proto.onlyImages'));
      return;
    }
    if (file.size > LIMIT) {
      message.error(t('blueprint.proto.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      await blueprintApi.attachPrototype(projectId, requirement.id, file, caption);
      setCaption('');
      message.success(t('common.saved'));
      await list.reload();
      props.onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={!!requirement}
      onClose={props.onClose}
      width={620}
      title={requirement ? `${t('blueprint.proto.title')} · ${requirement.code} ${requirement.title}` : ''}
      data-testid="prototypes-drawer"
    >
      {props.canEdit && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Input
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            maxLength={200}
            placeholder={t('blueprint.proto.caption')}
            style={{ width: 260 }}
          />
          <Upload
            accept="image/png,image/jpeg"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="prototype-upload">
              {t('blueprint.proto.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('blueprint.proto.limit')}</Typography.Text>
        </Space>
      )}
      {list.data && list.data.items.length === 0 && <Empty description={t('blueprint.proto.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(list.data?.items ?? []).map((p) => (
          <div key={p.id} data-testid="prototype-item" style={{ border: '1px solid #f0f0f0', padding: 8, borderRadius: 6 }}>
            <Image
              src={requirement ? blueprintApi.prototypeUrl(projectId, requirement.id, p.id) : undefined}
              alt={p.caption || p.fileName}
              style={{ maxWidth: '100%' }}
            />
            <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 4 }}>
              <Typography.Text>
                {p.caption || p.fileName}{' '}
                <Typography.Text type="secondary">
                  {p.widthPx}×{p.heightPx}
                </Typography.Text>
              </Typography.Text>
              {props.canEdit && requirement && (
                <Popconfirm
                  title={t('common.deleteConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={async () => {
                    try {
                      await blueprintApi.removePrototype(projectId, requirement.id, p.id);
                      await list.reload();
                      props.onChanged();
                    } catch (cause) {
                      message.error(toApiError(cause).message);
                    }
                  }}
                >
                  <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              )}
            </Space>
          </div>
        ))}
      </Space>
    </Drawer>
  );
}
