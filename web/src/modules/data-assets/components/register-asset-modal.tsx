import { DatabaseOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENCODINGS } from '../types';
import { AssetConnectionFields } from './asset-connection-fields';
import { AssetUploadField } from './asset-upload-field';
import { OwnerSelect } from './owner-select';
import { useRegisterAsset, type RegisterAssetValues } from './use-register-asset';

/** Registers a data asset: upload a file (profiled right away) or pick a saved connection with a table or query. */
export function RegisterAssetModal(props: { open: boolean; onClose: () => void; onRegistered: () => void }) {
  const { t } = useTranslation();
  const { form, upload, progress, connections, members, saving, error, pickFile, submit } = useRegisterAsset(
    props.open,
    props.onRegistered,
  );
  const sourceKind = Form.useWatch('sourceKind', form) ?? 'upload';

  return (
    <Modal
      open={props.open}
      title={t('dataAssets.register')}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('dataAssets.registerForm.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ id: 'data-asset-register-submit' }}
      width={640}
      destroyOnHidden
    >
      <Form<RegisterAssetValues>
        form={form}
        layout="vertical"
        initialValues={{ storage: 'local', sourceKind: 'upload', targetMode: 'table' }}
      >
        <Form.Item name="sourceKind" label={t('dataAssets.field.source')}>
          <Radio.Group data-testid="data-asset-source-kind">
            <Radio.Button value="upload">
              <UploadOutlined /> {t('dataAssets.registerForm.uploadFile')}
            </Radio.Button>
            <Radio.Button value="connection">
              <DatabaseOutlined /> {t('dataAssets.registerForm.connection')}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        {sourceKind === 'upload' ? (
          <AssetUploadField upload={upload} progress={progress} onPick={pickFile} />
        ) : (
          <AssetConnectionFields form={form} connections={connections} />
        )}
        <Form.Item
          name="name"
          label={t('dataAssets.field.name')}
          rules={[{ required: true, message: t('dataAssets.registerForm.required') }]}
        >
          <Input data-testid="data-asset-name" maxLength={200} />
        </Form.Item>
        <Space style={{ width: '100%' }} align="start" wrap>
          <Form.Item name="businessOwner" label={t('dataAssets.field.businessOwner')} style={{ minWidth: 200 }}>
            <OwnerSelect members={members} />
          </Form.Item>
          <Form.Item name="systemOfOrigin" label={t('dataAssets.field.systemOfOrigin')}>
            <Input placeholder={t('dataAssets.registerForm.systemHelp')} />
          </Form.Item>
          <Form.Item name="storage" label={t('dataAssets.field.storage')}>
            <Radio.Group>
              <Radio value="local">{t('dataAssets.storage.local')}</Radio>
              <Radio value="cloud">{t('dataAssets.storage.cloud')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Space>
        <Space style={{ width: '100%' }} align="start" wrap>
          <Form.Item
            name="keyColumns"
            label={t('dataAssets.field.keyColumns')}
            extra={t('dataAssets.registerForm.keyHelp')}
            style={{ minWidth: 260 }}
          >
            <Select mode="tags" data-testid="data-asset-keys" tokenSeparators={[',', '，']} />
          </Form.Item>
          {sourceKind === 'upload' && (
            <Form.Item name="encoding" label={t('dataAssets.field.encoding')} style={{ minWidth: 160 }}>
              <Select
                allowClear
                placeholder={t('dataAssets.registerForm.encodingAuto')}
                options={ENCODINGS.map((v) => ({ value: v, label: v.toUpperCase() }))}
              />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="notes" label={t('dataAssets.field.notes')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="data-asset-register-error" />}
    </Modal>
  );
}
