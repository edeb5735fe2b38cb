import { Checkbox, Divider, Form, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectFormValues } from './object-form';

/** Where the object's rows come from: nothing yet, a data asset (cleansed or not) or an uploaded file. */
export function ObjectSourceFields(props: {
  sourceType: ObjectFormValues['sourceType'] | undefined;
  assets: { id: string; name: string }[];
  uploads: { id: string; originalName: string }[];
}) {
  const { t } = useTranslation();
  const { sourceType } = props;
  return (
    <>
      <Divider orientation="left">{t('migration.editor.source')}</Divider>
      <Space wrap align="start">
        <Form.Item name="sourceType">
          <Radio.Group
            options={[
              { value: 'none', label: t('migration.editor.sourceNone') },
              { value: 'asset', label: t('migration.editor.sourceAsset') },
              { value: 'upload', label: t('migration.editor.sourceUpload') },
            ]}
          />
        </Form.Item>
        {sourceType === 'asset' && (
          <>
            <Form.Item name="assetId" rules={[{ required: true }]}>
              <Select style={{ width: 260 }} options={props.assets.map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
            <Form.Item name="cleansed" valuePropName="checked">
              <Checkbox>{t('migration.editor.cleansed')}</Checkbox>
            </Form.Item>
          </>
        )}
        {sourceType === 'upload' && (
          <Form.Item name="uploadId" rules={[{ required: true }]}>
            <Select
              style={{ width: 300 }}
              data-testid="object-upload"
              options={props.uploads.map((u) => ({ value: u.id, label: u.originalName }))}
            />
          </Form.Item>
        )}
      </Space>
    </>
  );
}
