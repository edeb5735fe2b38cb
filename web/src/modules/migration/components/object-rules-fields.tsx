import { Divider, Form, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The load rules: key and sum columns for the checks, what a bad row does, batch size; and the note on required columns. */
export function ObjectRulesFields(props: {
  sourceOptions: { value: string; label: string }[];
  mappedTargets: string[];
  hasTargetColumns: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Divider orientation="left">{t('migration.editor.rules')}</Divider>
      <Space wrap align="start">
        <Form.Item name="keyColumns" label={t('migration.editor.keyColumns')} tooltip={t('migration.editor.keyColumnsHelp')}>
          <Select mode="multiple" style={{ minWidth: 200 }} options={props.sourceOptions} />
        </Form.Item>
        <Form.Item name="sumColumns" label={t('migration.editor.sumColumns')} tooltip={t('migration.editor.sumColumnsHelp')}>
          <Select mode="multiple" style={{ minWidth: 200 }} options={props.mappedTargets.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="onError" label={t('migration.editor.onError')}>
          <Radio.Group
            options={[
              { value: 'skip', label: t('migration.editor.onErrorSkip') },
              { value: 'stop', label: t('migration.editor.onErrorStop') },
            ]}
          />
        </Form.Item>
        <Form.Item name="batchSize" label={t('migration.editor.batchSize')}>
          <InputNumber min={100} max={1000000} step={1000} />
        </Form.Item>
      </Space>
      {props.hasTargetColumns && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('migration.editor.requiredNote')}
        </Typography.Paragraph>
      )}
    </>
  );
}
