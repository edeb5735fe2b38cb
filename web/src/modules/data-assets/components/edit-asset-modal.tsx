import { Alert, App, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { dataAssetsApi } from '../api';
import { OwnerSelect } from './owner-select';
import { ENCODINGS, type DataAsset, type Encoding } from '../types';

interface FormValues {
  name: string;
  businessOwner: string;
  systemOfOrigin: string;
  storage: 'local' | 'cloud';
  format: string;
  notes: string;
  encoding: Encoding | null;
  keyColumns: string[];
}

const FIELDS = ['name', 'businessOwner', 'systemOfOrigin', 'storage', 'format', 'notes', 'encoding', 'keyColumns'];

/** Edits an asset's description, key columns and encoding (the source itself stays). */
export function EditAssetModal(props: {
  asset: DataAsset | null;
  columns: string[];
  onClose: () => void;
  onSaved: (asset: DataAsset) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [form] = Form.useForm<FormValues>();
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const { asset } = props;

  useEffect(() => {
    if (!asset) return;
    setError(undefined);
    form.setFieldsValue({
      name: asset.name,
      businessOwner: asset.businessOwner,
      systemOfOrigin: asset.systemOfOrigin,
      storage: asset.storage,
      format: asset.format,
      notes: asset.notes,
      encoding: ENCODINGS.find((e) => e === asset.encoding) ?? null,
      keyColumns: asset.keyColumns,
    });
    api.team
      .members(project.id)
      .then((r) => setMembers(r.items.map((m) => ({ id: m.id, name: m.name }))))
      .catch(() => setMembers([]));
  }, [asset, form, project.id]);

  const submit = async () => {
    if (!asset) return;
    const values = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      const saved = await dataAssetsApi.update(project.id, asset.id, { ...values, encoding: values.encoding ?? null });
      message.success(t('common.saved'));
      props.onSaved(saved);
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, FIELDS);
      setError([text, ...unmatched].join('；'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!asset}
      title={t('dataAssets.edit')}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ id: 'data-asset-edit-submit' }}
      width={600}
      forceRender
    >
      <Form<FormValues> form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('dataAssets.field.name')}
          rules={[{ required: true, message: t('dataAssets.registerForm.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space style={{ width: '100%' }} align="start" wrap>
          <Form.Item name="businessOwner" label={t('dataAssets.field.businessOwner')} style={{ minWidth: 220 }}>
            <OwnerSelect members={members} />
          </Form.Item>
          <Form.Item name="systemOfOrigin" label={t('dataAssets.field.systemOfOrigin')}>
            <Input />
          </Form.Item>
          <Form.Item name="storage" label={t('dataAssets.field.storage')}>
            <Radio.Group>
              <Radio value="local">{t('dataAssets.storage.local')}</Radio>
              <Radio value="cloud">{t('dataAssets.storage.cloud')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Space>
        <Space style={{ width: '100%' }} align="start" wrap>
          <Form.Item name="keyColumns" label={t('dataAssets.field.keyColumns')} style={{ minWidth: 260 }}>
            <Select mode="multiple" options={props.columns.map((c) => ({ value: c, label: c }))} data-testid="data-asset-edit-keys" />
          </Form.Item>
          <Form.Item
            name="format"
            label={t('dataAssets.field.format')}
            rules={[{ required: true, message: t('dataAssets.registerForm.required') }]}
          >
            <Input style={{ width: 100 }} />
          </Form.Item>
          {asset?.source.type === 'upload' && (
            <Form.Item name="encoding" label={t('dataAssets.field.encoding')} style={{ minWidth: 140 }}>
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
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
