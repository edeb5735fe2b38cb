import { DeleteOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERP_MODULES, type ErpModule } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { applyServerErrors } from '../../../components/server-errors';
import { actionText, functionText, RISK_COLORS, riskText } from '../matrix-labels';
import {
  FUNCTION_ACTIONS,
  RISK_LEVELS,
  type ErpFunction,
  type FunctionMatcher,
  type RuleMatcher,
  type SodRule,
  type SodRuleInput,
  type SodRuleUpdate,
} from '../types';

const RULE_FIELDS = ['code', 'name', 'riskLevel', 'riskDescription', 'sideA', 'sideB'] as const;

const isMatcherModule = (m: string): m is ErpModule | '*' => m === '*' || (ERP_MODULES as readonly string[]).includes(m);

/** A saved pattern for the editor: a module the rule form does not offer is left empty to be chosen again. */
function toEditorMatcher(m: RuleMatcher): Partial<FunctionMatcher> {
  return { ...m, module: isMatcherModule(m.module) ? m.module : undefined };
}

/** The SoD rule library: list, enable/disable, edit, delete, add. */
export function RuleLibrary({
  rules,
  functions,
  canCreate,
  canEdit,
  canDelete,
  onCreate,
  onUpdate,
  onDelete,
}: {
  rules: SodRule[];
  functions: ErpFunction[];
  canCreate: boolean;
  canEdit: boolean;
  canDelete: boolean;
  onCreate: (input: SodRuleInput) => Promise<void>;
  onUpdate: (ruleId: string, input: SodRuleUpdate) => Promise<void>;
  onDelete: (ruleId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SodRule | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<SodRuleInput>();
  const menuOptions = useMemo(
    () => [
      { value: '*', label: t('permissionMatrix.anyMenu') },
      ...[...new Set(functions.map((f) => f.menu))].map((m) => ({ value: m, label: m })),
    ],
    [functions, t],
  );
  const moduleOptions = [
    { value: '*', label: t('permissionMatrix.anyModule') },
    ...ERP_MODULES.map((m) => ({ value: m, label: moduleLabel(t, m) })),
  ];
  const actionOptions = [
    { value: '*', label: t('permissionMatrix.anyAction') },
    ...FUNCTION_ACTIONS.map((a) => ({ value: a, label: actionText(t, a) })),
  ];

  const openEditor = (rule: SodRule | 'new') => {
    setFormError(undefined);
    const blank: FunctionMatcher = { module: 'finance', menu: '', action: 'create' };
    const nextCode = `SOD-${String(rules.length + 1).padStart(2, '0')}`;
    form.resetFields();
    form.setFieldsValue(
      rule === 'new'
        ? {
            code: nextCode,
            name: '',
            riskLevel: 'high',
            riskDescription: '',
            sideA: [blank],
            sideB: [{ ...blank, action: 'approve' }],
            enabled: true,
          }
        : { ...rule, sideA: rule.sideA.map(toEditorMatcher), sideB: rule.sideB.map(toEditorMatcher) },
    );
    setEditing(rule);
  };

  const submit = async (values: SodRuleInput) => {
    setSaving(true);
    setFormError(undefined);
    try {
      if (editing === 'new') await onCreate({ ...values, enabled: true });
      else if (editing) await onUpdate(editing.id, values);
      setEditing(null);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, RULE_FIELDS);
      setFormError([message, ...unmatched].join(' '));
    } finally {
      setSaving(false);
    }
  };

  const renderSide = (side: RuleMatcher[]) => (
    <Space size={[4, 4]} wrap>
      {side.map((m, i) => (
        <Tag key={i}>
          {m.module === '*' ? t('permissionMatrix.anyModule') : moduleLabel(t, m.module)} · {functionText(t, m)}
        </Tag>
      ))}
    </Space>
  );

  const sideEditor = (name: 'sideA' | 'sideB', label: string) => (
    <Form.Item label={label} required>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }} wrap>
                <Form.Item name={[field.name, 'module']} rules={[{ required: true, message: t('validation.required') }]} noStyle>
                  <Select style={{ width: 120 }} options={moduleOptions} data-testid={`${name}-module`} />
                </Form.Item>
                <Form.Item name={[field.name, 'menu']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                  <AutoComplete
                    style={{ width: 160 }}
                    options={menuOptions}
                    placeholder={t('permissionMatrix.menu')}
                    data-testid={`${name}-menu`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'action']} rules={[{ required: true, message: t('validation.required') }]} noStyle>
                  <Select style={{ width: 100 }} options={actionOptions} data-testid={`${name}-action`} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
              </Space>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ module: 'finance', menu: '', action: 'create' })}
            >
              {t('permissionMatrix.addMatcher')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );

  return (
    <div data-testid="sod-rules">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('permissionMatrix.rulesIntro')}</Typography.Text>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor('new')} data-testid="sod-rule-add">
            {t('permissionMatrix.addRule')}
          </Button>
        )}
      </Space>
      <Table<SodRule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules}
        onRow={(r) => ({ 'data-testid': 'sod-rule-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('permissionMatrix.ruleCode'), dataIndex: 'code', width: 90 },
          { title: t('permissionMatrix.ruleName'), dataIndex: 'name', width: 220 },
          { title: t('permissionMatrix.sideA'), dataIndex: 'sideA', render: renderSide },
          { title: t('permissionMatrix.sideB'), dataIndex: 'sideB', render: renderSide },
          {
            title: t('permissionMatrix.riskLevel'),
            dataIndex: 'riskLevel',
            width: 80,
            render: (r: SodRule['riskLevel']) => <Tag color={RISK_COLORS[r]}>{riskText(t, r)}</Tag>,
          },
          { title: t('permissionMatrix.riskDescription'), dataIndex: 'riskDescription' },
          {
            title: t('permissionMatrix.enabled'),
            dataIndex: 'enabled',
            width: 70,
            render: (enabled: boolean, r) => (
              <Switch
                size="small"
                checked={enabled}
                disabled={!canEdit}
                onChange={(v) => void onUpdate(r.id, { enabled: v })}
                data-testid="sod-rule-enabled"
              />
            ),
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, r) => (
              <Space>
                {canEdit && <Button size="small" icon={<EditOutlined />} onClick={() => openEditor(r)} aria-label={t('common.edit')} />}
                {canDelete && (
                  <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => onDelete(r.id)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={720}
        title={editing === 'new' ? t('permissionMatrix.addRule') : t('permissionMatrix.editRule')}
        onCancel={() => setEditing(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: saving, id: 'sod-rule-submit' }}
        onOk={() => form.submit()}
        forceRender
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="form-error" />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space wrap>
            <Form.Item
              name="code"
              label={t('permissionMatrix.ruleCode')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={20} style={{ width: 120 }} data-testid="sod-rule-code" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('permissionMatrix.ruleName')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={100} style={{ width: 320 }} data-testid="sod-rule-name" />
            </Form.Item>
            <Form.Item
              name="riskLevel"
              label={t('permissionMatrix.riskLevel')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select style={{ width: 100 }} options={RISK_LEVELS.map((r) => ({ value: r, label: riskText(t, r) }))} />
            </Form.Item>
          </Space>
          <Form.Item
            name="riskDescription"
            label={t('permissionMatrix.riskDescription')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={300} placeholder={t('permissionMatrix.riskDescriptionPlaceholder')} data-testid="sod-rule-risk" />
          </Form.Item>
          {sideEditor('sideA', t('permissionMatrix.sideA'))}
          {sideEditor('sideB', t('permissionMatrix.sideB'))}
        </Form>
      </Modal>
    </div>
  );
}
