import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { DataConnection, Upload } from '../../../api/types';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import type { CreateAssetInput, Encoding } from '../types';

/** The register dialog's form: the asset's description and where its rows come from. */
export interface RegisterAssetValues {
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

/**
 * The register dialog's state: reset and the project's connections and members loaded each time it
 * opens, the uploaded file (with its progress), and registering with the server's field errors.
 */
export function useRegisterAsset(open: boolean, onRegistered: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [form] = Form.useForm<RegisterAssetValues>();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [connections, setConnections] = useState<DataConnection[]>([]);
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open) return;
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
  }, [open, project.id, form]);

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
      onRegistered();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, FIELDS);
      setError([text, ...unmatched].join('；'));
    } finally {
      setSaving(false);
    }
  };

  return { form, upload, progress, connections, members, saving, error, pickFile, submit };
}
