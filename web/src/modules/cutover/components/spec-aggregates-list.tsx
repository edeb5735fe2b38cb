import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnOption } from './spec-rules-list';

/** The spec form's aggregate checks (`aggregates`): name, group-by columns, summed columns, tolerance. */
export function SpecAggregatesList({ leftOptions }: { leftOptions: ColumnOption[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="aggregates">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid="aggregate-row">
              <Form.Item name={[f.name, 'name']} style={{ marginBottom: 4 }}>
                <Input size="small" placeholder={t('cutover.aggregates.name')} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'groupBy']} style={{ marginBottom: 4 }}>
                <Select
                  size="small"
                  mode="multiple"
                  placeholder={t('cutover.aggregates.groupBy')}
                  style={{ width: 220 }}
                  options={leftOptions}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'sum']} style={{ marginBottom: 4 }}>
                <Select
                  size="small"
                  mode="multiple"
                  placeholder={t('cutover.aggregates.sum')}
                  style={{ width: 220 }}
                  options={leftOptions}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'tolerance']} style={{ marginBottom: 4 }}>
                <InputNumber size="small" min={0} placeholder={t('cutover.aggregates.tolerance')} style={{ width: 140 }} />
              </Form.Item>
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(f.name)}
              />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            data-testid="aggregate-add"
            onClick={() => add({ groupBy: [], sum: [], tolerance: 0 })}
          >
            {t('cutover.aggregates.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
