import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, InputNumber, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleRow } from '../spec-form';

/** Column options for the rule and aggregate pickers. */
export type ColumnOption = { value: string; label: string };

/** The spec form's per-column comparison rules (`rules`), one editable table row each. */
export function SpecRulesList({ leftOptions }: { leftOptions: ColumnOption[] }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Form.List name="rules">
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            data-testid="rules-table"
            dataSource={fields}
            pagination={false}
            locale={{ emptyText: t('cutover.rules.empty') }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('cutover.rules.column'),
                width: 180,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'column']} noStyle rules={required}>
                    <Select size="small" showSearch style={{ width: '100%' }} options={leftOptions} data-testid="rule-column" />
                  </Form.Item>
                ),
              },
              {
                title: t('cutover.rules.numeric'),
                width: 70,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'numeric']} valuePropName="checked" noStyle>
                    <Checkbox />
                  </Form.Item>
                ),
              },
              {
                title: t('cutover.rules.tolerance'),
                width: 120,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'tolerance']} noStyle>
                    <InputNumber size="small" min={0} style={{ width: '100%' }} placeholder="0.01" data-testid="rule-tolerance" />
                  </Form.Item>
                ),
              },
              {
                title: t('cutover.rules.relative'),
                width: 120,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'relativePct']} noStyle>
                    <InputNumber size="small" min={0} max={100} style={{ width: '100%' }} addonAfter="%" placeholder="0.1" />
                  </Form.Item>
                ),
              },
              {
                title: t('cutover.rules.round'),
                width: 90,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'round']} noStyle>
                    <InputNumber size="small" min={0} max={18} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              ...(['trim', 'caseInsensitive', 'nullEqualsEmpty'] as const).map((flag) => ({
                title: t(`cutover.rules.${flag}`),
                width: 90,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, flag]} valuePropName="checked" noStyle>
                    <Checkbox />
                  </Form.Item>
                ),
              })),
              {
                title: '',
                width: 50,
                render: (_, f) => (
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(f.name)}
                  />
                ),
              },
            ]}
          />
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            style={{ marginTop: 8, marginBottom: 16 }}
            data-testid="rule-add"
            onClick={() => add({ numeric: true } satisfies RuleRow)}
          >
            {t('cutover.rules.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
