import { Divider, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MappingKind, MappingRow } from './mapping-rows';

type Option = { value: string; label: string };

/** What fills one target column: a source column, a constant, a source column through a value map or through another object's key map. */
function MappingSourceCell(props: {
  row: MappingRow;
  sourceOptions: Option[];
  keyMapOptions: Option[];
  onChange: (patch: Partial<MappingRow>) => void;
}) {
  const { t } = useTranslation();
  const { row: r, onChange } = props;
  if (r.kind === 'none') return null;
  if (r.kind === 'constant') {
    return <Input size="small" value={r.value} onChange={(e) => onChange({ value: e.target.value })} />;
  }
  const sourcePicker = (
    <Select
      size="small"
      style={{ width: 160 }}
      showSearch
      value={r.source || undefined}
      options={props.sourceOptions}
      onChange={(source: string) => onChange({ source })}
    />
  );
  if (r.kind === 'value_map') {
    return (
      <Space>
        {sourcePicker}
        <Input
          size="small"
          style={{ width: 220 }}
          placeholder={t('migration.editor.valueMapPlaceholder')}
          value={r.values}
          onChange={(e) => onChange({ values: e.target.value })}
        />
      </Space>
    );
  }
  if (r.kind === 'key_map') {
    return (
      <Space>
        {sourcePicker}
        <Select
          size="small"
          style={{ width: 160 }}
          placeholder={t('migration.editor.keyMapObject')}
          value={r.objectId || undefined}
          options={props.keyMapOptions}
          onChange={(objectId: string) => onChange({ objectId })}
        />
      </Space>
    );
  }
  return sourcePicker;
}

/** The field mapping: a row per target column (required ones starred, with the type hint), how it is filled and from what. */
export function MappingTable(props: {
  mapping: MappingRow[];
  sourceOptions: Option[];
  /** Objects a key map may come from: the ones this object depends on. */
  keyMapOptions: Option[];
  updateRow: (target: string, patch: Partial<MappingRow>) => void;
}) {
  const { t } = useTranslation();
  const { mapping, updateRow } = props;
  return (
    <>
      <Divider orientation="left">{t('migration.editor.mapping')}</Divider>
      {mapping.length === 0 ? (
        <Typography.Text type="secondary">{t('migration.editor.mappingEmpty')}</Typography.Text>
      ) : (
        <Table<MappingRow>
          size="small"
          rowKey="target"
          pagination={false}
          data-testid="mapping-table"
          dataSource={mapping}
          columns={[
            {
              title: t('migration.editor.targetColumn'),
              dataIndex: 'target',
              render: (_v, r) => (
                <span>
                  {r.required ? <Typography.Text type="danger">* </Typography.Text> : null}
                  {r.target}
                  {r.hint && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      {r.hint}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('migration.editor.fillWith'),
              width: 150,
              render: (_v, r) => (
                <Select<MappingKind>
                  size="small"
                  style={{ width: 140 }}
                  value={r.kind}
                  onChange={(kind) => updateRow(r.target, { kind })}
                  options={(['none', 'column', 'constant', 'value_map', 'key_map'] as const).map((k) => ({
                    value: k,
                    label: t(`migration.mappingKind.${k}`),
                  }))}
                />
              ),
            },
            {
              title: t('migration.editor.fromSource'),
              render: (_v, r) => (
                <MappingSourceCell
                  row={r}
                  sourceOptions={props.sourceOptions}
                  keyMapOptions={props.keyMapOptions}
                  onChange={(patch) => updateRow(r.target, patch)}
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
