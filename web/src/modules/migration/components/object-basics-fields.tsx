import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { MIGRATION_CATEGORIES } from '../types';

/** The object's name, category, sort weight, dependencies and description. */
export function ObjectBasicsFields({ dependencyOptions }: { dependencyOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="name" label={t('migration.editor.name')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 220 }} data-testid="object-name" />
        </Form.Item>
        <Form.Item name="category" label={t('migration.editor.category')}>
          <Select
            style={{ width: 160 }}
            data-testid="object-category"
            options={MIGRATION_CATEGORIES.map((c) => ({ value: c, label: t(`migration.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="sortWeight" label={t('migration.editor.sortWeight')} tooltip={t('migration.editor.sortWeightHelp')}>
          <InputNumber min={-1000} max={1000} />
        </Form.Item>
        <Form.Item name="dependsOn" label={t('migration.editor.dependsOn')}>
          <Select mode="multiple" style={{ minWidth: 260 }} options={dependencyOptions} data-testid="object-depends" />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('migration.editor.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
