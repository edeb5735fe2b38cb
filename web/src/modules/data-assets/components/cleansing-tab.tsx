import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EyeOutlined,
  PlusOutlined,
  SaveOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import type { CleansePreview, CleanseStep, DataAsset, StepKind } from '../types';
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

function useStepText() {
  const { t } = useTranslation();
  return (step: CleanseStep, assets: DataAsset[]): string => {
    const cols = (c: string[]) => (c.length ? c.join('、') : t('dataAssets.cleansing.allColumns'));
    switch (step.kind) {
      case 'trim':
      case 'half_width':
      case 'date':
        return cols(step.columns ?? []);
      case 'case':
        return `${cols(step.columns ?? [])} → ${t(`dataAssets.cleansing.case.${step.to}`)}`;
      case 'map':
        return t('dataAssets.cleansing.mapText', {
          column: step.column,
          pairs: (step.pairs ?? []).length,
          dataset: step.dataset ? (assets.find((a) => a.id === step.dataset?.datasetId)?.name ?? step.dataset.datasetId) : '—',
        });
      case 'dedupe':
        return t('dataAssets.cleansing.dedupeText', {
          keys: step.keyColumns.join(' + '),
          survivor: t(`dataAssets.cleansing.survivor.${step.survivor}`),
          order: step.orderColumn ?? '',
        });
    }
  };
}

function AddStepModal(props: {
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

function PreviewView({ preview }: { preview: CleansePreview }) {
  const { t } = useTranslation();
  const changed = preview.changedCells.filter((c) => c.changed > 0);
  const cell = (v: string | null | undefined) =>
    v === null || v === undefined ? <Typography.Text type="secondary">∅</Typography.Text> : v;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="cleansing-preview">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('dataAssets.cleansing.rowsBefore')} value={preview.rowsBefore} />
        </Col>
        <Col span={6}>
          <Statistic title={t('dataAssets.cleansing.rowsAfter')} value={preview.rowsAfter} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('dataAssets.cleansing.duplicatesRemoved')}
            value={preview.duplicatesRemoved}
            valueStyle={{ color: preview.duplicatesRemoved ? '#cf1322' : undefined }}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t('dataAssets.cleansing.changedCells')} value={changed.reduce((s, c) => s + c.changed, 0)} />
        </Col>
      </Row>
      <div data-testid="cleansing-changed-columns">
        {changed.map((c) => (
          <Tag key={c.column} color="blue">
            {c.column}: {c.changed}
          </Tag>
        ))}
      </div>
      <Table
        size="small"
        rowKey={(s) => String(s.row)}
        pagination={false}
        scroll={{ x: true }}
        dataSource={preview.samples}
        data-testid="cleansing-samples"
        columns={[
          { title: t('dataAssets.rules.rowNumber'), dataIndex: 'row', width: 70, fixed: 'left' },
          ...preview.columns.map((name, i) => ({
            title: name,
            key: name,
            render: (_: unknown, s: CleansePreview['samples'][number]) => {
              if (s.after === null)
                return (
                  <Typography.Text delete type="secondary">
                    {cell(s.before[i])}
                  </Typography.Text>
                );
              if (s.before[i] === s.after[i]) return cell(s.before[i]);
              return (
                <Space direction="vertical" size={0}>
                  <Typography.Text delete type="secondary">
                    {cell(s.before[i])}
                  </Typography.Text>
                  <Typography.Text type="success">{cell(s.after[i])}</Typography.Text>
                </Space>
              );
            },
          })),
          {
            title: '',
            key: 'removed',
            render: (_: unknown, s: CleansePreview['samples'][number]) =>
              s.after === null ? <Tag color="red">{t('dataAssets.cleansing.removed')}</Tag> : null,
          },
        ]}
      />
    </Space>
  );
}

/** 数据清洗: an ordered recipe, its before/after preview, and the cleaned asset. */
export function CleansingTab({ asset, onSaved }: { asset: DataAsset; onSaved: (asset: DataAsset) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const columns = useAssetColumns(project.id, asset.id);
  const assets = useApi(() => dataAssetsApi.list(project.id), [project.id]);
  const [steps, setSteps] = useState<CleanseStep[]>(asset.recipe.steps);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<'preview' | 'save' | 'make' | null>(null);
  const [preview, setPreview] = useState<CleansePreview | null>(null);
  const [error, setError] = useState<string>();
  const [made, setMade] = useState<DataAsset | null>(null);
  const stepText = useStepText();
  const dirty = JSON.stringify(steps) !== JSON.stringify(asset.recipe.steps);
  const editable = can('data_asset:update');

  // Reset the editor only when the stored recipe really changed (the asset is re-fetched while a profile runs).
  const storedSteps = JSON.stringify(asset.recipe.steps);
  useEffect(() => setSteps(JSON.parse(storedSteps) as CleanseStep[]), [storedSteps]);

  const fail = (cause: unknown) => {
    const e = toApiError(cause);
    setError([e.message, ...e.details.map((d) => `${d.field}: ${d.reason}`)].join('；'));
  };
  const runPreview = async () => {
    setBusy('preview');
    setError(undefined);
    try {
      setPreview(await dataAssetsApi.preview(project.id, asset.id, { steps }));
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(null);
    }
  };
  const save = async (): Promise<boolean> => {
    setBusy('save');
    setError(undefined);
    try {
      onSaved(await dataAssetsApi.saveRecipe(project.id, asset.id, { steps }));
      message.success(t('common.saved'));
      return true;
    } catch (cause) {
      fail(cause);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const make = async () => {
    if (dirty && !(await save())) return;
    setBusy('make');
    setError(undefined);
    try {
      const result = await dataAssetsApi.materialize(project.id, asset.id);
      setMade(result.asset);
      setPreview(result.preview);
      message.success(t('dataAssets.cleansing.made', { name: result.asset.name }));
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(null);
    }
  };
  const move = (i: number, d: -1 | 1) => {
    const next = [...steps];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    setSteps(next);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="cleansing-tab">
      <Alert type="info" showIcon message={t('dataAssets.cleansing.sourceUntouched')} />
      <Card
        size="small"
        title={t('dataAssets.cleansing.recipe')}
        extra={
          <Space>
            {editable && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="step-add">
                {t('dataAssets.cleansing.addStep')}
              </Button>
            )}
            <Button
              icon={<EyeOutlined />}
              loading={busy === 'preview'}
              disabled={steps.length === 0}
              onClick={() => void runPreview()}
              data-testid="cleansing-preview-run"
            >
              {t('dataAssets.cleansing.preview')}
            </Button>
            {editable && (
              <Button
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={busy === 'save'}
                onClick={() => void save()}
                data-testid="cleansing-save"
              >
                {t('common.save')}
              </Button>
            )}
            {can('data_asset:create') && (
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                loading={busy === 'make'}
                onClick={() => void make()}
                data-testid="cleansing-make"
              >
                {t('dataAssets.cleansing.make')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<CleanseStep & { index: number }>
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={steps.map((s, index) => ({ ...s, index }))}
          data-testid="cleansing-steps"
          locale={{ emptyText: t('dataAssets.cleansing.empty') }}
          columns={[
            { title: '#', width: 40, render: (_, s) => s.index + 1 },
            {
              title: t('dataAssets.cleansing.stepKind'),
              render: (_, s) => <Tag color="geekblue">{t(`dataAssets.stepKind.${s.kind}`)}</Tag>,
            },
            { title: t('dataAssets.cleansing.detail'), render: (_, s) => stepText(s, assets.data?.items ?? []) },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    width: 130,
                    render: (_: unknown, s: CleanseStep & { index: number }) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<ArrowUpOutlined />}
                          disabled={s.index === 0}
                          onClick={() => move(s.index, -1)}
                          aria-label={t('dataAssets.cleansing.up')}
                        />
                        <Button
                          size="small"
                          icon={<ArrowDownOutlined />}
                          disabled={s.index === steps.length - 1}
                          onClick={() => move(s.index, 1)}
                          aria-label={t('dataAssets.cleansing.down')}
                        />
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => setSteps(steps.filter((_, j) => j !== s.index))}
                          aria-label={t('common.delete')}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} data-testid="cleansing-error" />}
        {made && (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            showIcon
            data-testid="cleansing-made"
            message={
              <span>
                {t('dataAssets.cleansing.madeHint')}{' '}
                <Link to={`/projects/${project.id}/assessment/data-assets/${made.id}`}>{made.name}</Link>
              </span>
            }
          />
        )}
      </Card>
      {preview && (
        <Card size="small" title={t('dataAssets.cleansing.previewTitle')}>
          <PreviewView preview={preview} />
        </Card>
      )}
      <AddStepModal
        open={adding}
        columns={columns}
        assets={(assets.data?.items ?? []).filter((a) => a.id !== asset.id)}
        onAdd={(step) => {
          setSteps([...steps, step]);
          setAdding(false);
        }}
        onClose={() => setAdding(false)}
      />
    </Space>
  );
}
