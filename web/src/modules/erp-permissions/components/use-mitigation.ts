import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../../components/server-errors';
import type { MitigationInput, SodConflict } from '../types';

/** The exception dialog's form. */
export interface MitigationForm {
  compensatingControl: string;
  approver: string;
  approvedOn: Dayjs;
}

/** Recording an exception for one SoD conflict: the conflict in the dialog, its form, saving. */
export function useMitigation(onMitigate: (input: MitigationInput) => Promise<void>) {
  const [mitigating, setMitigating] = useState<SodConflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<MitigationForm>();

  const start = (conflict: SodConflict) => {
    form.resetFields();
    form.setFieldsValue({ compensatingControl: '', approver: '', approvedOn: dayjs() });
    setFormError(undefined);
    setMitigating(conflict);
  };

  const submit = async (values: MitigationForm) => {
    if (!mitigating) return;
    setSaving(true);
    setFormError(undefined);
    try {
      await onMitigate({
        ruleId: mitigating.ruleId,
        subjectKind: mitigating.subjectKind,
        subjectId: mitigating.subjectId,
        compensatingControl: values.compensatingControl,
        approver: values.approver,
        approvedOn: values.approvedOn.format('YYYY-MM-DD'),
      });
      setMitigating(null);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, ['compensatingControl', 'approver', 'approvedOn']);
      setFormError([message, ...unmatched].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return { form, mitigating, saving, formError, start, submit, close: () => setMitigating(null) };
}

/** What {@link useMitigation} gives the exception dialog. */
export type Mitigation = ReturnType<typeof useMitigation>;
