import { App, Button, Checkbox, Divider, Drawer, Form, Input, InputNumber, Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { migrationApi } from '../api';
import {
  MIGRATION_CATEGORIES,
  type MappingEntry,
  type MigrationCategory,
  type MigrationObject,
  type MigrationObjectInput,
  type MigrationSource,
  type MigrationTarget,
} from '../types';

type MappingKind = MappingEntry['kind'] | 'none';

/** One editable mapping row per target column. */
interface MappingRow {
  target: string;
  kind: MappingKind;
  source: string;
  value: string;
  /** "A=重点; B=普通" */
  values: string;
  objectId: string;
  required: boolean;
  hint: string;
}

function parseValueMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[;；\n]/)) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

function formatValueMap(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

function rowsFor(columns: { name: string; required: boolean; hint: string }[], mapping: MappingEntry[]): MappingRow[] {
  const byTarget = new Map(mapping.map((m) => [m.target, m]));
  const names = [...columns.map((c) => c.name), ...mapping.map((m) => m.target).filter((t) => !columns.some((c) => c.name === t))];
  return names.map((name) => {
    const entry = byTarget.get(name);
    const column = columns.find((c) => c.name === name);
    return {
      target: name,
      kind: entry?.kind ?? 'none',
      source: entry && 'source' in entry ? entry.source : '',
      value: entry?.kind === 'constant' ? entry.value : '',
      values: entry?.kind === 'value_map' ? formatValueMap(entry.values) : '',
      objectId: entry?.kind === 'key_map' ? entry.objectId : '',
      required: column?.required ?? false,
      hint: column?.hint ?? '',
    };
  });
}

function toEntry(row: MappingRow): MappingEntry | null {
  switch (row.kind) {
    case 'column':
      return row.source ? { kind: 'column', target: row.target, source: row.source } : null;
    case 'constant':
      return { kind: 'constant', target: row.target, value: row.value };
    case 'value_map':
      return row.source ? { kind: 'value_map', target: row.target, source: row.source, values: parseValueMap(row.values) } : null;
    case 'key_map':
      return row.source && row.objectId ? { kind: 'key_map', target: row.target, source: row.source, objectId: row.objectId } : null;
    default:
      return null;
  }
}

interface FormValues {
  name: string;
  category: MigrationCategory;
  sortWeight: number;
  description: string;
  dependsOn: string[];
  sourceType: 'none' | 'asset' | 'upload';
  assetId?: string;
  cleansed: boolean;
  uploadId?: string;
  targetType: 'none' | 'connection' | 'file';
  connectionId?: string;
  table?: string;
  fileFormat: 'csv' | 'xlsx';
  fileColumns: string;
  fileKeyColumns: string[];
  keyColumns: string[];
  sumColumns: string[];
  onError: 'skip' | 'stop';
  batchSize: number;
}

function initialValues(object: MigrationObject | null): FormValues {
  const source = object?.source ?? null;
  const target = object?.target ?? null;
  return {
    name: object?.name ?? '',
    category: object?.category ?? 'master',
    sortWeight: object?.sortWeight ?? 0,
    description: object?.description ?? '',
    dependsOn: object?.dependsOn.map((d) => d.id) ?? [],
    sourceType: source?.type ?? 'none',
    assetId: source?.type === 'asset' ? source.assetId : undefined,
    // The document marks `cleansed` and `keyColumns` optional (server defaults false and []).
    cleansed: source?.type === 'asset' ? (source.cleansed ?? false) : false,
    uploadId: source?.type === 'upload' ? source.uploadId : undefined,
    targetType: target?.type ?? 'none',
    connectionId: target?.type === 'connection' ? target.connectionId : undefined,
    table: target?.type === 'connection' ? target.table : undefined,
    fileFormat: target?.type === 'file' ? target.format : 'csv',
    fileColumns: target?.type === 'file' ? target.columns.join(', ') : '',
    fileKeyColumns: target?.type === 'file' ? (target.keyColumns ?? []) : [],
    keyColumns: object?.keyColumns ?? [],
    sumColumns: object?.sumColumns ?? [],
    onError: object?.onError ?? 'skip',
    batchSize: object?.batchSize ?? 50000,
  };
}

const splitColumns = (text: string): string[] =>
  text
    .split(/[,，\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The drawer that creates or edits a migration object: source, target, field mapping, dependencies. */
export function ObjectEditor({
  object,
  objects,
  open,
  onClose,
  onSaved,
}: {
  object: MigrationObject | null;
  objects: MigrationObject[];
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [mapping, setMapping] = useState<MappingRow[]>([]);
  const [sourceColumns, setSourceColumns] = useState<string[]>([]);
  const [targetColumns, setTargetColumns] = useState<{ name: string; required: boolean; hint: string }[]>([]);
  const [tables, setTables] = useState<string[]>([]);
  const uploads = useApi(() => api.uploads.list(project.id), [project.id]);
  const connections = useApi(() => api.cutover.connections(project.id), [project.id]);
  const assets = useApi(() => migrationApi.assets(project.id), [project.id]);

  const values = Form.useWatch([], form) as FormValues | undefined;
  const sourceType = values?.sourceType;
  const uploadId = values?.uploadId;
  const assetId = values?.assetId;
  const cleansed = values?.cleansed;
  const targetType = values?.targetType;
  const connectionId = values?.connectionId;
  const table = values?.table;
  const fileColumns = values?.fileColumns;
  const dependsOn = useMemo(() => values?.dependsOn ?? [], [values?.dependsOn]);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(initialValues(object));
    setMapping(rowsFor([], object?.mapping ?? []));
  }, [open, object, form]);

  // Source columns follow the chosen source.
  useEffect(() => {
    let source: MigrationSource | null = null;
    if (sourceType === 'upload' && uploadId) source = { type: 'upload', uploadId };
    if (sourceType === 'asset' && assetId) source = { type: 'asset', assetId, cleansed: !!cleansed };
    if (!source) {
      setSourceColumns([]);
      return;
    }
    let stale = false;
    migrationApi
      .sourceColumns(project.id, source)
      .then((r) => !stale && setSourceColumns(r.columns))
      .catch((cause) => !stale && message.warning(toApiError(cause).message));
    return () => {
      stale = true;
    };
  }, [sourceType, uploadId, assetId, cleansed, project.id, message]);

  // Tables of the chosen connection.
  useEffect(() => {
    if (targetType !== 'connection' || !connectionId) {
      setTables([]);
      return;
    }
    let stale = false;
    migrationApi
      .tables(project.id, connectionId)
      .then((r) => !stale && setTables(r.tables))
      .catch((cause) => !stale && message.warning(toApiError(cause).message));
    return () => {
      stale = true;
    };
  }, [targetType, connectionId, project.id, message]);

  // Target columns: the table's schema, or the template's header.
  useEffect(() => {
    let stale = false;
    const apply = (columns: { name: string; required: boolean; hint: string }[]) => {
      if (stale) return;
      setTargetColumns(columns);
      setMapping((rows) => {
        const entries = rows.map(toEntry).filter((e): e is MappingEntry => e !== null);
        return rowsFor(columns, entries);
      });
    };
    if (targetType === 'connection' && connectionId && table) {
      migrationApi
        .columns(project.id, connectionId, table)
        .then((r) =>
          apply(
            r.columns.map((c) => ({
              name: c.name,
              required: c.primaryKey || (c.notNull && !c.hasDefault),
              hint: `${c.type}${c.primaryKey ? ' · PK' : ''}${c.notNull ? ' · NOT NULL' : ''}`,
            })),
          ),
        )
        .catch((cause) => !stale && message.warning(toApiError(cause).message));
    } else if (targetType === 'file') {
      apply(splitColumns(fileColumns ?? '').map((name) => ({ name, required: false, hint: '' })));
    }
    return () => {
      stale = true;
    };
  }, [targetType, connectionId, table, fileColumns, project.id, message]);

  const otherObjects = objects.filter((o) => o.id !== object?.id);
  const dependencyOptions = otherObjects.map((o) => ({ value: o.id, label: o.name }));
  const sourceOptions = sourceColumns.map((c) => ({ value: c, label: c }));
  const updateRow = (target: string, patch: Partial<MappingRow>) =>
    setMapping((rows) => rows.map((r) => (r.target === target ? { ...r, ...patch } : r)));

  const save = async () => {
    const v = await form.validateFields();
    const source: MigrationSource | null =
      v.sourceType === 'upload' && v.uploadId
        ? { type: 'upload', uploadId: v.uploadId }
        : v.sourceType === 'asset' && v.assetId
          ? { type: 'asset', assetId: v.assetId, cleansed: v.cleansed }
          : null;
    const target: MigrationTarget | null =
      v.targetType === 'connection' && v.connectionId && v.table
        ? { type: 'connection', connectionId: v.connectionId, table: v.table }
        : v.targetType === 'file'
          ? { type: 'file', format: v.fileFormat, columns: splitColumns(v.fileColumns), keyColumns: v.fileKeyColumns ?? [] }
          : null;
    const input: MigrationObjectInput = {
      name: v.name,
      category: v.category,
      sortWeight: v.sortWeight ?? 0,
      description: v.description ?? '',
      dependsOn: v.dependsOn ?? [],
      source,
      target,
      mapping: mapping.map(toEntry).filter((e): e is MappingEntry => e !== null),
      keyColumns: v.keyColumns ?? [],
      sumColumns: v.sumColumns ?? [],
      onError: v.onError,
      batchSize: v.batchSize,
    };
    setSaving(true);
    try {
      if (object) await migrationApi.updateObject(project.id, object.id, input);
      else await migrationApi.createObject(project.id, input);
      message.success(t('migration.editor.saved'));
      onSaved();
    } catch (cause) {
      const error = toApiError(cause);
      message.error(
        error.details.length ? `${error.message}（${error.details.map((d) => `${d.field}: ${d.reason}`).join('；')}）` : error.message,
      );
    } finally {
      setSaving(false);
    }
  };

  const mappedTargets = mapping.filter((r) => toEntry(r) !== null).map((r) => r.target);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={960}
      destroyOnClose
      title={object ? t('migration.editor.editTitle', { name: object.name }) : t('migration.editor.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose} data-testid="object-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="object-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" data-testid="object-editor" initialValues={initialValues(object)}>
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
                <Select style={{ width: 260 }} options={(assets.data ?? []).map((a) => ({ value: a.id, label: a.name }))} />
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
                options={(uploads.data?.items ?? []).map((u) => ({ value: u.id, label: u.originalName }))}
              />
            </Form.Item>
          )}
        </Space>

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
                  options={(connections.data?.items ?? [])
                    .filter((c) => c.kind !== 'mysql')
                    .map((c) => ({ value: c.id, label: `${c.name}（${c.kind}）` }))}
                />
              </Form.Item>
              <Form.Item name="table" rules={[{ required: true }]}>
                <Select
                  style={{ width: 220 }}
                  placeholder={t('migration.editor.table')}
                  options={tables.map((x) => ({ value: x, label: x }))}
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
                render: (_v, r) => {
                  if (r.kind === 'none') return null;
                  if (r.kind === 'constant') {
                    return <Input size="small" value={r.value} onChange={(e) => updateRow(r.target, { value: e.target.value })} />;
                  }
                  const sourcePicker = (
                    <Select
                      size="small"
                      style={{ width: 160 }}
                      showSearch
                      value={r.source || undefined}
                      options={sourceOptions}
                      onChange={(source: string) => updateRow(r.target, { source })}
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
                          onChange={(e) => updateRow(r.target, { values: e.target.value })}
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
                          options={dependencyOptions.filter((o) => dependsOn.includes(o.value))}
                          onChange={(objectId: string) => updateRow(r.target, { objectId })}
                        />
                      </Space>
                    );
                  }
                  return sourcePicker;
                },
              },
            ]}
          />
        )}

        <Divider orientation="left">{t('migration.editor.rules')}</Divider>
        <Space wrap align="start">
          <Form.Item name="keyColumns" label={t('migration.editor.keyColumns')} tooltip={t('migration.editor.keyColumnsHelp')}>
            <Select mode="multiple" style={{ minWidth: 200 }} options={sourceOptions} />
          </Form.Item>
          <Form.Item name="sumColumns" label={t('migration.editor.sumColumns')} tooltip={t('migration.editor.sumColumnsHelp')}>
            <Select mode="multiple" style={{ minWidth: 200 }} options={mappedTargets.map((c) => ({ value: c, label: c }))} />
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
        {targetColumns.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('migration.editor.requiredNote')}
          </Typography.Paragraph>
        )}
      </Form>
    </Drawer>
  );
}
