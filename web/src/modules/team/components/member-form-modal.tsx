import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { PROJECT_ROLES, TEAM_TIERS, type Member, type MemberInput, type ProjectRole, type TeamTier } from '../../../api/types';
import { roleLabel, tierLabel } from '../../../components/labels';
import { applyServerErrors } from '../../../components/server-errors';

type MemberFormValues = Omit<MemberInput, 'accountEmail'> & { accountEmail?: string | null };
const FIELDS = ['name', 'department', 'title', 'phone', 'email', 'projectRole', 'tier', 'organization', 'allocationPct', 'accountEmail'];

function fromMember(m: Member): MemberFormValues {
  return {
    name: m.name,
    department: m.department,
    title: m.title,
    phone: m.phone,
    email: m.email,
    projectRole: m.projectRole as ProjectRole,
    tier: m.tier as TeamTier,
    organization: m.organization,
    allocationPct: m.allocationPct,
    accountEmail: m.accountEmail,
  };
}

function toInput(v: MemberFormValues): MemberInput {
  return {
    name: v.name ?? '',
    department: v.department ?? '',
    title: v.title ?? '',
    phone: v.phone ?? '',
    email: v.email ?? '',
    projectRole: v.projectRole,
    tier: v.tier,
    organization: v.organization ?? '',
    allocationPct: v.allocationPct ?? 100,
    accountEmail: v.accountEmail && v.accountEmail.trim() ? v.accountEmail.trim() : null,
  };
}

/** Add or edit a team member; optionally link a sign-in account (it gets the member's project role). */
export function MemberFormModal(props: {
  projectId: string;
  member: Member | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { open, member } = props;

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(member ? fromMember(member) : { projectRole: 'business_expert', tier: 'expert', allocationPct: 100 });
  }, [open, member, form]);

  const submit = async (values: MemberFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const input = toInput(values);
      if (member) await api.team.updateMember(props.projectId, member.id, input);
      else await api.team.addMember(props.projectId, input);
      props.onSaved();
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, FIELDS);
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={member ? t('team.editMember') : t('team.addMember')}
      width={760}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'member-submit' }}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="member-form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="member-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('team.name')} rules={required}>
              <Input maxLength={50} data-testid="member-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="department" label={t('team.department')}>
              <Input maxLength={50} data-testid="member-department" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="title" label={t('team.title')}>
              <Input maxLength={50} data-testid="member-title" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="projectRole" label={t('team.projectRole')} rules={required}>
              <Select data-testid="member-role" options={PROJECT_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="tier" label={t('team.tier')} rules={required}>
              <Select data-testid="member-tier" options={TEAM_TIERS.map((r) => ({ value: r, label: tierLabel(t, r) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="allocationPct" label={t('team.allocation')} tooltip={t('team.allocationHint')}>
              <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} data-testid="member-allocation" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="organization" label={t('team.organization')}>
              <Input maxLength={100} data-testid="member-organization" placeholder={t('team.organizationPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('team.phone')}>
              <Input maxLength={30} data-testid="member-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="email" label={t('team.email')}>
              <Input maxLength={200} data-testid="member-email" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="accountEmail" label={t('team.accountEmail')} extra={t('team.accountEmailHint')}>
          <Input maxLength={200} data-testid="member-account-email" placeholder="name@example.com" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
