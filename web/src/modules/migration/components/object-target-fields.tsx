import { Divider, Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { splitColumns, type ObjectFormValues } from './object-form';

/** Where the object's rows go: nothing yet, a table of a connection (not MySQL), or a CSV / XLSX file with its columns. */
export function ObjectTargetFields(props: {
  targetType: ObjectFormValues['targetType'] | undefined;
  fileColumns: string | undefined;
  connections: { id: string; name: string; kind: string }[];
  tables: string[];
}) {
  const { t } = useTranslation();
  const { targetType, fileColumns } = props;
  return (
    <>
      <Divider orientation="left">{t('migration.editor.target')}</Divider>
      <Space wrap align="start">
        <Form.Item name="targetType">
          <Radio.Group
            options={[
              { value: 'none', label: t('migration.editor.targetNone') },
              { value: 'connection', label: t('migration.editor.targetConnection') },
              { value: 'file', label: t('migration.editor.targetFile') },
            ]}
          />
        </Form.Item>
        {targetType === 'connection' && (
          <>
            <Form.Item name="connectionId" rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                placeholder={t('migration.editor.connection')}
                options={props.connections.filter((c) => c.kind !== 'mysql').map((c) => ({ value: c.id, label: `${c.name}（${c.kind}）` }))}
              />
            </Form.Item>
            <Form.Item name="table" rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                placeholder={t('migration.editor.table')}
                options={props.tables.map((x) => ({ value: x, label: x }))}
              />
            </Form.Item>
          </>
        )}
        {targetType === 'file' && (
          <>
            <Form.Item name="fileFormat">
              <Select style={{ width: 100 }} options={['csv', 'xlsx'].map((f) => ({ value: f, label: f.toUpperCase() }))} />
            </Form.Item>
            <Form.Item name="fileColumns" rules={[{ required: true }]} tooltip={t('migration.editor.fileColumnsHelp')}>
              <Input style={{ width: 360 }} placeholder={t('migration.editor.fileColumns')} />
            </Form.Item>
            <Form.Item name="fileKeyColumns">
              <Select
                mode="multiple"
                style={{ minWidth: 180 }}
                placeholder={t('migration.editor.fileKeyColumns')}
                options={splitColumns(fileColumns ?? '').map((c) => ({ value: c, label: c }))}
              />
            </Form.Item>
          </>
        )}
      </Space>
    </>
  );
}
