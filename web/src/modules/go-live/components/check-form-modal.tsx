import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { goLiveApi } from '../api';
import { CHECK_CATEGORIES, CHECK_STATUSES, type CheckCategory, type CheckStatus, type CheckView } from '../types';

interface CheckFormValues {
  title: string;
  category: CheckCategory;
  ownerMemberId?: string | null;
  status: CheckStatus;
  note?: string;
}

const FIELDS = ['title', 'category', 'ownerMemberId', 'status', 'note'];

/** 添加检查项 / 编辑检查项: title, category, owner (a project member), status and note. */
export function CheckFormModal(props: {
  projectId: string;
  open: boolean;
  /** The item to edit; null adds one. */
  check: CheckView | null;
  members: Member[];
  onClose: () => void;
  onSaved: (check: CheckView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CheckFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { open, check } = props;

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(
      check
        ? { title: check.title, category: check.category, ownerMemberId: check.ownerMemberId, status: check.status, note: check.note }
        : { category: 'other', status: 'pending', ownerMemberId: null, note: '' },
    );
  }, [open, check, form]);

  const submit = async (values: CheckFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const input = {
        title: values.title.trim(),
        category: values.category,
        ownerMemberId: values.ownerMemberId ?? null,
        status: values.status,
        note: (values.note ?? '').trim(),
      };
      const saved = check
        ? await goLiveApi.updateCheck(props.projectId, check.id, input)
        : await goLiveApi.createCheck(props.projectId, input);
      props.onSaved(saved);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, FIELDS);
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  // A member that left the team still shows as the owner of the items assigned to them.
  const memberOptions = props.members.map((m) => ({ value: m.id, label: m.department ? `${m.name}（${m.department}）` : m.name }));
  if (check?.ownerMemberId && check.ownerName && !memberOptions.some((o) => o.value === check.ownerMemberId)) {
    memberOptions.push({ value: check.ownerMemberId, label: check.ownerName });
  }

  return (
    <Modal
      open={open}
      title={check ? t('goLive.form.editTitle') : t('goLive.form.createTitle')}
      width={640}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'check-submit' }}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="check-form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="check-form">
        <Form.Item
          name="title"
          label={t('goLive.form.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} data-testid="check-title" placeholder={t('goLive.form.titlePlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('goLive.form.category')}>
              <Select
                data-testid="check-category"
                options={CHECK_CATEGORIES.map((c) => ({ value: c, label: t(`goLive.category.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('goLive.form.status')}>
              <Select
                data-testid="check-form-status"
                options={CHECK_STATUSES.map((s) => ({ value: s, label: t(`goLive.checkStatus.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="ownerMemberId" label={t('goLive.form.owner')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="check-owner"
            placeholder={t('goLive.form.ownerPlaceholder')}
            options={memberOptions}
          />
        </Form.Item>
        <Form.Item name="note" label={t('goLive.form.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="check-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
