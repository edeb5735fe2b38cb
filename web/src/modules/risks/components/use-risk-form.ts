import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyServerErrors } from '../../../components/server-errors';
import { risksApi } from '../api';
import type { CreateRiskInput, RiskCategory, RiskFields, RiskStatus, RiskView } from '../types';

/** What the risk form holds; the due date is a day picker value until it is sent. */
export interface RiskFormValues {
  title: string;
  description?: string;
  category: RiskCategory;
  probability: number;
  impact: number;
  ownerMemberId?: string | null;
  mitigation?: string;
  contingency?: string;
  dueDate?: Dayjs | null;
  status: RiskStatus;
}

const FIELDS = [
  'title',
  'description',
  'category',
  'probability',
  'impact',
  'ownerMemberId',
  'mitigation',
  'contingency',
  'dueDate',
  'status',
];

function toFields(v: RiskFormValues): RiskFields {
  return {
    title: (v.title ?? '').trim(),
    description: (v.description ?? '').trim(),
    category: v.category,
    probability: v.probability,
    impact: v.impact,
    ownerMemberId: v.ownerMemberId ?? null,
    mitigation: (v.mitigation ?? '').trim(),
    contingency: (v.contingency ?? '').trim(),
    dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
    status: v.status,
  };
}

function toValues(r: RiskFields): RiskFormValues {
  return { ...r, dueDate: r.dueDate ? dayjs(r.dueDate) : null };
}

const BLANK: CreateRiskInput = {
  title: '',
  description: '',
  category: 'other',
  probability: 3,
  impact: 3,
  ownerMemberId: null,
  mitigation: '',
  contingency: '',
  dueDate: null,
  status: 'open',
  sourceIndicator: null,
};

/**
 * The risk form's state: refilled from the line, the draft or blank each time the dialog opens;
 * `submit` updates or creates the line (a new one keeps the draft's source indicator) and puts the
 * API's field errors on the fields, the rest in `error`.
 */
export function useRiskForm(props: {
  projectId: string;
  open: boolean;
  risk: RiskView | null;
  draft: CreateRiskInput | null;
  onSaved: (risk: RiskView) => void;
}) {
  const [form] = Form.useForm<RiskFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { open, risk, draft } = props;

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(toValues(risk ?? draft ?? BLANK));
  }, [open, risk, draft, form]);

  const submit = async (values: RiskFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const fields = toFields(values);
      const saved = risk
        ? await risksApi.update(props.projectId, risk.id, fields)
        : await risksApi.create(props.projectId, { ...fields, sourceIndicator: draft?.sourceIndicator ?? null });
      props.onSaved(saved);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, FIELDS);
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  return { form, busy, error, submit };
}
