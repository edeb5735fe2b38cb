import { App, Button, Drawer, Form, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { MigrationObject } from '../types';
import { MappingTable } from './mapping-table';
import { toEntries, toEntry } from './mapping-rows';
import { ObjectBasicsFields } from './object-basics-fields';
import { initialValues, toObjectInput, type ObjectFormValues } from './object-form';
import { ObjectRulesFields } from './object-rules-fields';
import { ObjectSourceFields } from './object-source-fields';
import { ObjectTargetFields } from './object-target-fields';
import { useConnectionTables } from './use-connection-tables';
import { useMappingRows } from './use-mapping-rows';
import { useSourceColumns } from './use-source-columns';

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
  const [form] = Form.useForm<ObjectFormValues>();
  const [saving, setSaving] = useState(false);
  const uploads = useApi(() => api.uploads.list(project.id), [project.id]);
  const connections = useApi(() => api.cutover.connections(project.id), [project.id]);
  const assets = useApi(() => migrationApi.assets(project.id), [project.id]);

  const values = Form.useWatch([], form) as ObjectFormValues | undefined;
  const dependsOn = useMemo(() => values?.dependsOn ?? [], [values?.dependsOn]);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(initialValues(object));
  }, [open, object, form]);
  const sourceColumns = useSourceColumns(project.id, values);
  const tables = useConnectionTables(project.id, values);
  const { mapping, targetColumns, updateRow } = useMappingRows(project.id, open, object, values);

  const otherObjects = objects.filter((o) => o.id !== object?.id);
  const dependencyOptions = otherObjects.map((o) => ({ value: o.id, label: o.name }));
  const sourceOptions = sourceColumns.map((c) => ({ value: c, label: c }));

  const save = async () => {
    const input = toObjectInput(await form.validateFields(), toEntries(mapping));
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
        <ObjectBasicsFields dependencyOptions={dependencyOptions} />
        <ObjectSourceFields sourceType={values?.sourceType} assets={assets.data ?? []} uploads={uploads.data?.items ?? []} />
        <ObjectTargetFields
          targetType={values?.targetType}
          fileColumns={values?.fileColumns}
          connections={connections.data?.items ?? []}
          tables={tables}
        />
        <MappingTable
          mapping={mapping}
          sourceOptions={sourceOptions}
          keyMapOptions={dependencyOptions.filter((o) => dependsOn.includes(o.value))}
          updateRow={updateRow}
        />
        <ObjectRulesFields sourceOptions={sourceOptions} mappedTargets={mappedTargets} hasTargetColumns={targetColumns.length > 0} />
      </Form>
    </Drawer>
  );
}
