import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../../api/api';
import type { Goal, Measurement } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

/** What the measurement form holds before it is sent. */
export interface MeasurementFormValues {
  measuredOn: Dayjs;
  value: number;
  note?: string;
}

/**
 * The measurements of the goal shown in the drawer, with record and delete. `onChanged` runs after
 * either, since the goal's progress and latest value are computed from them on the server.
 */
export function useGoalMeasurements(projectId: string, goal: Goal | null, onChanged: () => void) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasurementFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const measurements = useApi(
    () => (goal ? api.goals.measurements(projectId, goal.id) : Promise.resolve({ items: [] as Measurement[] })),
    [projectId, goal?.id],
  );
  const items = useMemo(() => measurements.data?.items ?? [], [measurements.data]);

  const add = async (values: MeasurementFormValues) => {
    if (!goal) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.goals.addMeasurement(projectId, goal.id, {
        measuredOn: values.measuredOn.format('YYYY-MM-DD'),
        value: values.value,
        note: values.note ?? '',
      });
      form.resetFields();
      form.setFieldsValue({ measuredOn: dayjs() });
      await measurements.reload();
      onChanged();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['measuredOn', 'value', 'note']);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (m: Measurement) => {
    if (!goal) return;
    try {
      await api.goals.removeMeasurement(projectId, goal.id, m.id);
      await measurements.reload();
      onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return { form, busy, error, measurements, items, add, remove };
}
