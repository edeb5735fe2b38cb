import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { ERP_MODULES, type ErpModule, type Goal, type GoalDirection, type GoalInput, type Member } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { applyServerErrors } from '../../../components/server-errors';

interface GoalFormValues {
  statement: string;
  kpiName?: string | null;
  kpiUnit?: string | null;
  baseline?: number | null;
  target?: number | null;
  direction: GoalDirection;
  deadline?: Dayjs | null;
  ownerMemberId?: string | null;
  module?: ErpModule | null;
}

const FIELDS = ['statement', 'kpiName', 'kpiUnit', 'baseline', 'target', 'direction', 'deadline', 'ownerMemberId', 'module'];

const blankToNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

function toInput(v: GoalFormValues): GoalInput {
  return {
    statement: v.statement ?? '',
    kpiName: blankToNull(v.kpiName),
    kpiUnit: blankToNull(v.kpiUnit),
    baseline: v.baseline ?? null,
    target: v.target ?? null,
    direction: v.direction ?? 'increase',
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
    ownerMemberId: v.ownerMemberId ?? null,
    module: v.module ?? null,
  };
}

function fromGoal(goal: Goal): GoalFormValues {
  return {
    statement: goal.statement,
    kpiName: goal.kpiName,
    kpiUnit: goal.kpiUnit,
    baseline: goal.baseline,
    target: goal.target,
    direction: goal.direction,
    deadline: goal.deadline ? dayjs(goal.deadline) : null,
    ownerMemberId: goal.ownerMemberId,
    module: (ERP_MODULES as readonly string[]).includes(goal.module ?? '') ? (goal.module as ErpModule) : null,
  };
}

/** Create or edit a goal; SMART is checked by the server on save. */
export function GoalFormModal(props: {
  projectId: string;
  goal: Goal | null;
  open: boolean;
  members: Member[];
  modulesInScope: string[];
  onClose: () => void;
  onSaved: (goal: Goal) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GoalFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { open, goal } = props;

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(goal ? fromGoal(goal) : { direction: 'increase' });
  }, [open, goal, form]);

  const submit = async (values: GoalFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const input = toInput(values);
      const saved = goal ? await api.goals.update(props.projectId, goal.id, input) : await api.goals.create(props.projectId, input);
      props.onSaved(saved);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, FIELDS, { ownerMemberId: 'ownerMemberId' });
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const inScope = new Set(props.modulesInScope);
  const moduleOptions = [...ERP_MODULES]
    .sort((a, b) => Number(inScope.has(b)) - Number(inScope.has(a)))
    .map((m) => ({ value: m, label: inScope.has(m) ? moduleLabel(t, m) : `${moduleLabel(t, m)}（${t('goals.notInScope')}）` }));

  return (
    <Modal
      open={open}
      title={goal ? t('goals.edit') : t('goals.create')}
      width={760}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'goal-submit' }}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="goal-form-error" />}
      <Alert type="info" showIcon message={t('goals.smartHint')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="goal-form">
        <Form.Item name="statement" label={t('goals.statement')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="goal-statement" placeholder={t('goals.statementPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kpiName" label={t('goals.kpiName')}>
              <Input maxLength={100} data-testid="goal-kpi-name" placeholder={t('goals.kpiNamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kpiUnit" label={t('goals.kpiUnit')}>
              <Input maxLength={30} data-testid="goal-kpi-unit" placeholder={t('goals.kpiUnitPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="baseline" label={t('goals.baseline')}>
              <InputNumber style={{ width: '100%' }} data-testid="goal-baseline" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="target" label={t('goals.target')}>
              <InputNumber style={{ width: '100%' }} data-testid="goal-target" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="direction" label={t('goals.direction')}>
              <Radio.Group data-testid="goal-direction">
                <Radio.Button value="increase">{t('goals.increase')}</Radio.Button>
                <Radio.Button value="decrease">{t('goals.decrease')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="deadline" label={t('goals.deadline')}>
              <DatePicker style={{ width: '100%' }} data-testid="goal-deadline" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ownerMemberId" label={t('goals.owner')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                data-testid="goal-owner"
                placeholder={props.members.length ? undefined : t('goals.noMembers')}
                options={props.members.map((m) => ({ value: m.id, label: m.department ? `${m.name}（${m.department}）` : m.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="module" label={t('goals.module')}>
              <Select allowClear data-testid="goal-module" options={moduleOptions} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
