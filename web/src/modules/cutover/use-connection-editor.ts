import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import type { ConnectionKind, DataConnection } from '../../api/types';
import { applyServerErrors } from '../../components/server-errors';
import { toApiError } from '../../components/use-api';

/** The connection form's values; the password is only sent when typed. */
export interface ConnectionForm {
  name: string;
  kind: ConnectionKind;
  url: string;
  password?: string;
}

/**
 * Editing saved connections: which one is open in the form (or a new one), save, test and delete;
 * `onChanged` reloads the list after a change.
 */
export function useConnectionEditor(projectId: string, onChanged: () => Promise<void> | void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConnectionForm>();
  const [editing, setEditing] = useState<DataConnection | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [testing, setTesting] = useState<string | null>(null);

  const startEdit = (connection: DataConnection | 'new') => {
    setError(undefined);
    setEditing(connection);
  };

  // The form is mounted with the editing box, so it is filled after the box renders.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ kind: 'postgres' });
    else form.setFieldsValue({ name: editing.name, kind: editing.kind, url: editing.maskedUrl, password: undefined });
  }, [editing, form]);

  const submit = async (v: ConnectionForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const password = v.password ? v.password : undefined;
      if (editing === 'new') await api.cutover.createConnection(projectId, { name: v.name, kind: v.kind, url: v.url, password });
      else if (editing) await api.cutover.updateConnection(projectId, editing.id, { name: v.name, url: v.url, password });
      message.success(t('common.saved'));
      setEditing(null);
      await onChanged();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['name', 'kind', 'url', 'password']);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const test = async (c: DataConnection) => {
    setTesting(c.id);
    try {
      const result = await api.cutover.testConnection(projectId, c.id);
      if (result.ok) message.success(t('cutover.connections.testOk', { name: c.name }));
      else message.error(t('cutover.connections.testFailed', { name: c.name, error: result.error ?? '' }));
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setTesting(null);
    }
  };

  const remove = async (c: DataConnection) => {
    try {
      await api.cutover.removeConnection(projectId, c.id);
      message.success(t('common.deleted'));
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return { form, editing, busy, error, testing, startEdit, stopEdit: () => setEditing(null), submit, test, remove };
}
