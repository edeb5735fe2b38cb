import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SpecFormValues } from '../spec-form';
import type { SourceColumns } from '../use-mapping-suggestion';
import { MappingEditor } from './mapping-editor';
import { SpecAggregatesList } from './spec-aggregates-list';
import { SpecRulesList } from './spec-rules-list';

/** The spec form's comparison card: key, column mapping (with re-suggest), rules and aggregates. */
export function SpecComparisonCard(props: {
  columns: SourceColumns;
  suggesting: boolean;
  suggestError: string | undefined;
  canSuggest: boolean;
  onSuggest: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<SpecFormValues>();
  const key = (Form.useWatch('key', form) as string[] | undefined) ?? [];
  const { columns } = props;
  const leftOptions = (columns.left.length ? columns.left : key).map((c) => ({ value: c, label: c }));
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Card
      size="small"
      title={t('cutover.editor.comparison')}
      style={{ marginBottom: 16 }}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={props.suggesting}
          disabled={!props.canSuggest}
          onClick={props.onSuggest}
          data-testid="mapping-suggest"
        >
          {t('cutover.mapping.suggest')}
        </Button>
      }
    >
      {props.suggestError && (
        <Alert type="warning" showIcon message={props.suggestError} style={{ marginBottom: 12 }} data-testid="mapping-error" />
      )}
      <Form.Item name="key" label={t('cutover.spec.key')} rules={required} extra={t('cutover.spec.keyHint')} style={{ maxWidth: 640 }}>
        <Select
          mode={columns.left.length ? 'multiple' : 'tags'}
          options={leftOptions}
          placeholder={t('cutover.spec.keyPlaceholder')}
          data-testid="spec-key"
        />
      </Form.Item>
      <Form.Item name="mapping" label={t('cutover.mapping.title')} extra={t('cutover.mapping.hint')}>
        <MappingEditor rightColumns={columns.right} keyColumns={key} />
      </Form.Item>

      <Typography.Title level={5}>{t('cutover.rules.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('cutover.rules.hint')}</Typography.Paragraph>
      <SpecRulesList leftOptions={leftOptions} />

      <Typography.Title level={5}>{t('cutover.aggregates.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('cutover.aggregates.hint')}</Typography.Paragraph>
      <SpecAggregatesList leftOptions={leftOptions} />
    </Card>
  );
}
