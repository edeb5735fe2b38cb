import { CheckCircleOutlined, DeleteOutlined, SafetyCertificateOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, DatePicker, Dropdown, Empty, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../components/server-errors';
import { functionText, RISK_COLORS, riskText, scopeText } from '../matrix-labels';
import type { MitigationInput, SodConflict } from '../types';

interface MitigationForm {
  compensatingControl: string;
  approver: string;
  approvedOn: Dayjs;
}

/** The SoD conflicts: each explained, with "移除授权" (remove one of its grants) and "记录例外" (accept with a control). */
export function ConflictsPanel({
  conflicts,
  canEdit,
  onRemoveGrant,
  onMitigate,
  onWithdraw,
}: {
  conflicts: SodConflict[];
  canEdit: boolean;
  onRemoveGrant: (roleId: string, functionId: string) => Promise<void>;
  onMitigate: (input: MitigationInput) => Promise<void>;
  onWithdraw: (mitigationId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [mitigating, setMitigating] = useState<SodConflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<MitigationForm>();
  const open = conflicts.filter((c) => c.status === 'open');
  const mitigated = conflicts.filter((c) => c.status === 'mitigated');

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

  const renderConflict = (c: SodConflict) => {
    const grants = [...c.sideA, ...c.sideB];
    return (
      <Card
        key={c.key}
        size="small"
        data-testid="sod-conflict"
        data-rule={c.ruleCode}
        data-status={c.status}
        data-subject={c.subjectName}
        style={{
          marginBottom: 8,
          borderColor: c.status === 'open' ? '#ffa39e' : '#ffe58f',
          background: c.status === 'open' ? '#fff1f0' : '#fffbe6',
        }}
      >
        <Space size={4} wrap style={{ marginBottom: 4 }}>
          <Tag color={RISK_COLORS[c.riskLevel]}>{riskText(t, c.riskLevel)}</Tag>
          <Tag>{c.ruleCode}</Tag>
          <Typography.Text strong>{c.ruleName}</Typography.Text>
          {c.subjectKind === 'person' && <Tag color="purple">{t('permissionMatrix.personConflict')}</Tag>}
          {c.status === 'mitigated' && <Tag color="gold">{t('permissionMatrix.statusMitigated')}</Tag>}
        </Space>
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="sod-conflict-explanation">
          {c.explanation}
        </Typography.Paragraph>
        {c.mitigation && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="sod-conflict-mitigation">
            {t('permissionMatrix.mitigationLine', {
              control: c.mitigation.compensatingControl,
              approver: c.mitigation.approver,
              date: c.mitigation.approvedOn,
            })}
          </Typography.Paragraph>
        )}
        {canEdit && (
          <Space wrap>
            <Dropdown
              trigger={['click']}
              menu={{
                items: grants.map((g) => ({
                  key: `${g.roleId}|${g.functionId}`,
                  label: (
                    <span data-testid="remove-grant-option" data-role={g.roleName} data-menu={g.menu} data-action={g.action}>
                      {t('permissionMatrix.removeGrantOption', { fn: functionText(t, g), role: g.roleName, scope: scopeText(t, g.scope) })}
                    </span>
                  ),
                })),
                onClick: ({ key }) => {
                  const [roleId, functionId] = key.split('|');
                  void onRemoveGrant(roleId, functionId);
                },
              }}
            >
              <Button size="small" danger icon={<DeleteOutlined />} data-testid="sod-remove-grant">
                {t('permissionMatrix.removeGrant')}
              </Button>
            </Dropdown>
            {c.mitigation ? (
              <Button size="small" icon={<UndoOutlined />} onClick={() => void onWithdraw(c.mitigation!.id)} data-testid="sod-withdraw">
                {t('permissionMatrix.withdrawException')}
              </Button>
            ) : (
              <Button
                size="small"
                icon={<SafetyCertificateOutlined />}
                data-testid="sod-mitigate"
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({ compensatingControl: '', approver: '', approvedOn: dayjs() });
                  setFormError(undefined);
                  setMitigating(c);
                }}
              >
                {t('permissionMatrix.recordException')}
              </Button>
            )}
          </Space>
        )}
      </Card>
    );
  };

  return (
    <div data-testid="sod-conflicts">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('permissionMatrix.conflictsTitle')}</Typography.Text>
        <Badge
          count={open.length}
          showZero
          color={open.length ? '#ff4d4f' : '#52c41a'}
          data-testid="sod-open-count"
          data-count={open.length}
        />
        {mitigated.length > 0 && <Tag color="gold">{t('permissionMatrix.mitigatedCount', { count: mitigated.length })}</Tag>}
      </Space>
      {conflicts.length === 0 ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 32, color: '#52c41a' }} />}
          styles={{ image: { height: 36 } }}
          description={t('permissionMatrix.noConflicts')}
          data-testid="sod-no-conflicts"
        />
      ) : (
        <>
          {open.map(renderConflict)}
          {mitigated.map(renderConflict)}
        </>
      )}
      <Modal
        open={mitigating !== null}
        title={t('permissionMatrix.recordException')}
        onCancel={() => setMitigating(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: saving, id: 'mitigation-submit' }}
        onOk={() => form.submit()}
        forceRender
      >
        {mitigating && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {mitigating.explanation}
          </Typography.Paragraph>
        )}
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="form-error" />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="compensatingControl"
            label={t('permissionMatrix.compensatingControl')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            extra={t('permissionMatrix.compensatingControlHint')}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="mitigation-control" />
          </Form.Item>
          <Form.Item
            name="approver"
            label={t('permissionMatrix.approver')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={60} data-testid="mitigation-approver" />
          </Form.Item>
          <Form.Item
            name="approvedOn"
            label={t('permissionMatrix.approvedOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker data-testid="mitigation-date" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
