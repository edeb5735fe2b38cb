import { Form, Input, Modal, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import type { CleanseStep, DataAsset, StepKind } from '../types';
import { useAssetColumns } from '../use-asset-columns';

const STEP_KINDS: StepKind[] = ['trim', 'half_width', 'case', 'date', 'map', 'dedupe'];

interface StepFormValues {
  kind: StepKind;
  columns?: string[];
  column?: string;
  to?: 'upper' | 'lower';
  pairsText?: string;
  datasetId?: string;
  fromColumn?: string;
  toColumn?: string;
  keyColumns?: string[];
  survivor?: 'first' | 'last' | 'most_complete' | 'latest';
  orderColumn?: string;
}

/** `旧值=新值` lines (or `旧值,新值`) to pairs. */
function parsePairs(text: string): { from: string; to: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.search(/[=,，\t]/);
      return at < 0 ? { from: line, to: '' } : { from: line.slice(0, at).trim(), to: line.slice(at + 1).trim() };
    });
}

function toStep(v: StepFormValues): CleanseStep {
  switch (v.kind) {
    case 'trim':
    case 'half_width':
      return { kind: v.kind, columns: v.columns ?? [] };
    case 'case':
      return { kind: 'case', columns: v.columns ?? [], to: v.to ?? 'upper' };
    case 'date':
      return { kind: 'date', columns: v.columns ?? [] };
    case 'map':
      return {
        kind: 'map',
        column: v.column ?? '',
        pairs: parsePairs(v.pairsText ?? ''),
        ...(v.datasetId ? { dataset: { datasetId: v.datasetId, fromColumn: v.fromColumn ?? '', toColumn: v.toColumn ?? '' } } : {}),
      };
    case 'dedupe':
      return {
        kind: 'dedupe',
        keyColumns: v.keyColumns ?? [],
        survivor: v.survivor ?? 'first',
        ...(v.survivor === 'latest' ? { orderColumn: v.orderColumn } : {}),
      };
  }
}

/** The dialog to add one cleansing step; its fields follow the step kind. */
export function AddStepModal(props: {
  open: boolean;
  columns: string[];
  assets: DataAsset[];
  onAdd: (step: CleanseStep) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const [form] = Form.useForm<StepFormValues>();
  const kind = Form.useWatch('kind', form) ?? 'trim';
  const survivor = Form.useWatch('survivor', form);
  const datasetId = Form.useWatch('datasetId', form);
  const mapColumns = useAssetColumns(project.id, kind === 'map' ? datasetId : undefined);
  const options = props.columns.map((c) => ({ value: c, label: c }));
  const required = [{ required: true, message: t('dataAssets.registerForm.required') }];
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);
  return (
    <Modal
      open={props.open}
      title={t('dataAssets.cleansing.addStep')}
      onCancel={props.onClose}
      onOk={() => void form.validateFields().then((v) => props.onAdd(toStep(v)))}
      okButtonProps={{ id: 'step-add-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<StepFormValues> form={form} layout="vertical" initialValues={{ kind: 'trim', to: 'upper', survivor: 'first' }}>
        <Form.Item name="kind" label={t('dataAssets.cleansing.stepKind')}>
          <Select data-testid="step-kind" options={STEP_KINDS.map((k) => ({ value: k, label: t(`dataAssets.stepKind.${k}`) }))} />
        </Form.Item>
        {(kind === 'trim' || kind === 'half_width' || kind === 'case' || kind === 'date') && (
          <Form.Item
            name="columns"
            label={t('dataAssets.cleansing.columns')}
            extra={kind === 'date' ? undefined : t('dataAssets.cleansing.columnsHelp')}
            rules={kind === 'date' ? required : undefined}
          >
            <Select mode="multiple" options={options} data-testid="step-columns" />
          </Form.Item>
        )}
        {kind === 'case' && (
          <Form.Item name="to" label={t('dataAssets.cleansing.caseTo')}>
            <Select options={(['upper', 'lower'] as const).map((c) => ({ value: c, label: t(`dataAssets.cleansing.case.${c}`) }))} />
          </Form.Item>
        )}
        {kind === 'map' && (
          <>
            <Form.Item name="column" label={t('dataAssets.rules.column')} rules={required}>
              <Select options={options} />
            </Form.Item>
            <Form.Item name="pairsText" label={t('dataAssets.cleansing.pairs')} extra={t('dataAssets.cleansing.pairsHelp')}>
              <Input.TextArea rows={4} placeholder={'上海=酒泉\n甘肃省兰州=兰州'} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="datasetId" label={t('dataAssets.cleansing.mapDataset')} style={{ minWidth: 200 }}>
                <Select allowClear options={props.assets.map((a) => ({ value: a.id, label: a.name }))} />
              </Form.Item>
              {datasetId && (
                <>
                  <Form.Item name="fromColumn" label={t('dataAssets.cleansing.fromColumn')} rules={required} style={{ minWidth: 140 }}>
                    <Select options={mapColumns.map((c) => ({ value: c, label: c }))} />
                  </Form.Item>
                  <Form.Item name="toColumn" label={t('dataAssets.cleansing.toColumn')} rules={required} style={{ minWidth: 140 }}>
                    <Select options={mapColumns.map((c) => ({ value: c, label: c }))} />
                  </Form.Item>
                </>
              )}
            </Space>
          </>
        )}
        {kind === 'dedupe' && (
          <>
            <Form.Item name="keyColumns" label={t('dataAssets.field.keyColumns')} rules={required}>
              <Select mode="multiple" options={options} />
            </Form.Item>
            <Form.Item name="survivor" label={t('dataAssets.cleansing.survivorLabel')}>
              <Select
                options={(['first', 'last', 'most_complete', 'latest'] as const).map((s) => ({
                  value: s,
                  label: t(`dataAssets.cleansing.survivor.${s}`),
                }))}
              />
            </Form.Item>
            {survivor === 'latest' && (
              <Form.Item name="orderColumn" label={t('dataAssets.cleansing.orderColumn')} rules={required}>
                <Select options={options} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
