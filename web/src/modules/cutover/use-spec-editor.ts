import { App, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/api';
import { ApiError } from '../../api/client';
import type { Comparison, ReconcileSpec, Upload } from '../../api/types';
import { useProject } from '../../components/project';
import { applyServerErrors } from '../../components/server-errors';
import { useApi } from '../../components/use-api';
import { SPEC_FIELDS, specFieldOfDetail, specToValues, toSpecInput, type SpecFormValues } from './spec-form';
import { useMappingSuggestion } from './use-mapping-suggestion';

/** Puts server details on the spec form's fields (column errors by their purpose). */
function applySpecErrors(form: Parameters<typeof applyServerErrors>[0], cause: unknown) {
  const mapped =
    cause instanceof ApiError
      ? new ApiError(
          cause.status,
          cause.code,
          cause.message,
          cause.details.map((d) => ({ field: specFieldOfDetail(d) ?? d.field, reason: d.reason })),
        )
      : cause;
  return applyServerErrors(form, mapped, SPEC_FIELDS);
}

/**
 * State of the spec editor: the spec (when editing), uploads and connections to pick from, the
 * form filled once, the mapping suggestion, save and the webhook test.
 */
export function useSpecEditor(specId: string | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { project } = useProject();
  const base = `/projects/${project.id}/cutover/dual-run`;
  const [form] = Form.useForm<SpecFormValues>();
  const spec = useApi<ReconcileSpec | null>(
    () => (specId ? api.cutover.spec(project.id, specId) : Promise.resolve(null)),
    [project.id, specId],
  );
  const uploads = useApi(() => api.uploads.list(project.id), [project.id]);
  const connections = useApi(() => api.cutover.connections(project.id), [project.id]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [webhookBusy, setWebhookBusy] = useState(false);
  const [ready, setReady] = useState(!specId);
  const savedComparison = useRef<Comparison | undefined>(undefined);
  const mapping = useMappingSuggestion(form, project.id, ready, savedComparison);

  // Fill the form once: a new spec's defaults, or the saved spec.
  useEffect(() => {
    if (ready || spec.loading) return;
    if (spec.data) {
      savedComparison.current = spec.data.comparison;
      form.setFieldsValue(specToValues(spec.data));
    }
    setReady(true);
  }, [ready, spec.loading, spec.data, form]);

  const onUploaded = (upload: Upload) => {
    if (uploads.data) uploads.setData({ items: [upload, ...uploads.data.items.filter((u) => u.id !== upload.id)] });
    void uploads.reload();
  };

  const submit = async () => {
    let values: SpecFormValues;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as SpecFormValues;
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const input = toSpecInput(values, savedComparison.current, mapping.columns.right);
      const saved = specId ? await api.cutover.updateSpec(project.id, specId, input) : await api.cutover.createSpec(project.id, input);
      message.success(t('common.saved'));
      navigate(`${base}/${saved.id}`);
    } catch (cause) {
      const { message: text, unmatched } = applySpecErrors(form, cause);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const sendTestWebhook = async () => {
    if (!specId) return;
    const values = form.getFieldsValue(true) as SpecFormValues;
    const url = (values.webhookUrl ?? '').trim();
    setWebhookBusy(true);
    try {
      const result = await api.cutover.testWebhook(project.id, specId, {
        format: values.webhookFormat,
        // The masked URL as the API shows it means "the stored one".
        ...(url && url !== spec.data?.webhook.url ? { url } : {}),
      });
      if (result.ok) message.success(t('cutover.webhook.testSent'));
      else message.error(t('cutover.webhook.testFailed', { error: result.error ?? result.status }));
    } catch (cause) {
      const { message: text } = applyServerErrors(form, cause, ['webhookUrl', 'webhookFormat'], {
        url: 'webhookUrl',
        format: 'webhookFormat',
      });
      message.error(text);
    } finally {
      setWebhookBusy(false);
    }
  };

  const cancel = () => navigate(specId ? `${base}/${specId}` : base);

  return { form, spec, uploads, connections, ready, error, busy, webhookBusy, mapping, onUploaded, submit, sendTestWebhook, cancel };
}
