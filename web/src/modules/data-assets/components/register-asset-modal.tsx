import { DatabaseOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Progress, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { DataConnection, Upload } from '../../../api/types';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import { OwnerSelect } from './owner-select';
import { ENCODINGS, type CreateAssetInput, type Encoding } from '../types';

interface FormValues {
  name: string;
  businessOwner?: string;
  systemOfOrigin?: string;
  storage: 'local' | 'cloud';
  notes?: string;
  sourceKind: 'upload' | 'connection';
  connectionId?: string;
  targetMode: 'table' | 'query';
  table?: string;
  query?: string;
  encoding?: Encoding;
  keyColumns?: string[];
}

const FIELDS = ['name', 'businessOwner', 'systemOfOrigin', 'storage', 'notes', 'connectionId', 'table', 'query', 'encoding', 'keyColumns'];

/** Registers a data asset: upload a file (profiled right away) or pick a saved connection with a table or query. */
export function RegisterAssetModal(props: { open: boolean; onClose: () => void; onRegistered: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [form] = Form.useForm<FormValues>();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [connections, setConnections] = useState<DataConnection[]>([]);
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const sourceKind = Form.useWatch('sourceKind', form) ?? 'upload';
  const targetMode = Form.useWatch('targetMode', form) ?? 'table';

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    setUpload(null);
    setError(undefined);
    api.cutover
      .connections(project.id)
      .then((r) => setConnections(r.items))
      .catch(() => setConnections([]));
    api.team
      .members(project.id)
      .then((r) => setMembers(r.items.map((m) => ({ id: m.id, name: m.name }))))
      .catch(() => setMembers([]));
  }, [props.open, project.id, form]);

  const pickFile = async (file: File) => {
    setError(undefined);
    setProgress(0);
    try {
      const saved = await api.uploads.upload(project.id, file, setProgress);
      setUpload(saved);
      if (!form.getFieldValue('name')) form.setFieldValue('name', file.name.replace(/\.[^.]+$/, ''));
    } catch (cause) {
      setError(toApiError(cause).message);
    } finally {
      setProgress(null);
    }
  };

  const submit = async () => {
    const values = await form.validateFields();
    let source: CreateAssetInput['source'];
    if (values.sourceKind === 'upload') {
      if (!upload) {
        setError(t('dataAssets.registerForm.needFile'));
        return;
      }
      source = { type: 'upload', uploadId: upload.id };
    } else {
      source = {
        type: 'connection',
        connectionId: values.connectionId ?? '',
        ...(values.targetMode === 'query' ? { query: values.query ?? '' } : { table: values.table ?? '' }),
      };
    }
    setSaving(true);
    setError(undefined);
    try {
      await dataAssetsApi.create(project.id, {
        name: values.name,
        businessOwner: values.businessOwner ?? '',
        systemOfOrigin: values.systemOfOrigin ?? '',
        storage: values.storage,
        notes: values.notes ?? '',
        source,
        encoding: values.encoding ?? null,
        keyColumns: values.keyColumns ?? [],
      });
      message.success(t('dataAssets.registered'));
      props.onRegistered();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, FIELDS);
      setError([text, ...unmatched].join('；'));
    } finally {
      setSaving(false);
    }
  };

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
      <Form<FormValues> form={form} layout="vertical" initialValues={{ storage: 'local', sourceKind: 'upload', targetMode: 'table' }}>
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
          <Form.Item label={t('dataAssets.registerForm.file')} extra={t('dataAssets.registerForm.fileHelp')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.tsv,.txt,.xlsx"
                style={{ display: 'none' }}
                data-testid="data-asset-file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void pickFile(file);
                  e.target.value = '';
                }}
              />
              <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={!can('upload:create')}>
                {t('dataAssets.registerForm.chooseFile')}
              </Button>
              {progress !== null && <Progress percent={Math.round(progress * 100)} size="small" />}
              {upload && (
                <Typography.Text data-testid="data-asset-uploaded">
                  {t('dataAssets.registerForm.uploaded', { name: upload.originalName })}
                </Typography.Text>
              )}
            </Space>
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="connectionId"
              label={t('dataAssets.registerForm.connection')}
              rules={[{ required: true, message: t('dataAssets.registerForm.required') }]}
            >
              <Select
                options={connections.map((c) => ({ value: c.id, label: `${c.name} (${c.maskedUrl})` }))}
                placeholder={t('dataAssets.registerForm.pickConnection')}
                notFoundContent={t('dataAssets.registerForm.noConnections')}
              />
            </Form.Item>
            <Form.Item name="targetMode">
              <Radio.Group>
                <Radio value="table">{t('dataAssets.registerForm.table')}</Radio>
                <Radio value="query">{t('dataAssets.query')}</Radio>
              </Radio.Group>
            </Form.Item>
            {targetMode === 'table' ? (
              <Form.Item
                name="table"
                label={t('dataAssets.registerForm.table')}
                rules={[{ required: true, message: t('dataAssets.registerForm.required') }]}
              >
                <Input placeholder="public.customer" />
              </Form.Item>
            ) : (
              <Form.Item
                name="query"
                label={t('dataAssets.query')}
                rules={[{ required: true, message: t('dataAssets.registerForm.required') }]}
              >
                <Input.TextArea rows={3} placeholder="SELECT * FROM customer WHERE status = 'A'" />
              </Form.Item>
            )}
          </>
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
