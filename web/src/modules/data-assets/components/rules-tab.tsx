import { DeleteOutlined, DownloadOutlined, PlayCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import type { DataAsset, QualityRule, RuleFailure, RuleKind, RuleRun, RuleValidator } from '../types';
import { useAssetColumns } from '../use-asset-columns';

const KINDS: RuleKind[] = ['required', 'regex', 'range', 'allowed', 'unique', 'reference', 'validator'];
const VALIDATORS: RuleValidator[] = ['uscc', 'id_card', 'mobile', 'bank_card', 'cn_date', 'amount'];
const PAGE = 20;

interface RuleFormValues {
  kind: RuleKind;
  column?: string;
  columns?: string[];
  pattern?: string;
  mode?: 'number' | 'date';
  minNumber?: number | null;
  maxNumber?: number | null;
  minDate?: string;
  maxDate?: string;
  values?: string[];
  ignoreCase?: boolean;
  datasetId?: string;
  datasetColumn?: string;
  validator?: RuleValidator;
}

function toRule(values: RuleFormValues, id: string): QualityRule {
  const column = values.column ?? '';
  switch (values.kind) {
    case 'required':
      return { id, kind: 'required', column };
    case 'regex':
      return { id, kind: 'regex', column, pattern: values.pattern ?? '' };
    case 'range':
      return values.mode === 'date'
        ? { id, kind: 'range', column, mode: 'date', min: values.minDate || null, max: values.maxDate || null }
        : { id, kind: 'range', column, mode: 'number', min: values.minNumber ?? null, max: values.maxNumber ?? null };
    case 'allowed':
      return { id, kind: 'allowed', column, values: values.values ?? [], ignoreCase: values.ignoreCase ?? false };
    case 'unique':
      return { id, kind: 'unique', columns: values.columns ?? [] };
    case 'reference':
      return { id, kind: 'reference', column, datasetId: values.datasetId ?? '', datasetColumn: values.datasetColumn ?? '' };
    case 'validator':
      return { id, kind: 'validator', column, validator: values.validator ?? 'uscc' };
  }
}

/** The rule in words for the editor table. */
function useRuleText() {
  const { t } = useTranslation();
  return (rule: QualityRule, assets: DataAsset[]): string => {
    switch (rule.kind) {
      case 'required':
        return t('dataAssets.rules.text.required');
      case 'regex':
        return t('dataAssets.rules.text.regex', { pattern: rule.pattern });
      case 'range':
        return t('dataAssets.rules.text.range', { min: rule.min ?? '−∞', max: rule.max ?? '+∞' });
      case 'allowed':
        return t('dataAssets.rules.text.allowed', { values: rule.values.join('、') });
      case 'unique':
        return t('dataAssets.rules.text.unique');
      case 'reference':
        return t('dataAssets.rules.text.reference', {
          asset: assets.find((a) => a.id === rule.datasetId)?.name ?? rule.datasetId,
          column: rule.datasetColumn,
        });
      case 'validator':
        return t(`dataAssets.validator.${rule.validator}`);
    }
  };
}

function AddRuleModal(props: {
  open: boolean;
  columns: string[];
  assets: DataAsset[];
  onAdd: (values: RuleFormValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const [form] = Form.useForm<RuleFormValues>();
  const kind = Form.useWatch('kind', form) ?? 'required';
  const mode = Form.useWatch('mode', form) ?? 'number';
  const datasetId = Form.useWatch('datasetId', form);
  const refColumns = useAssetColumns(project.id, kind === 'reference' ? datasetId : undefined);
  const required = [{ required: true, message: t('dataAssets.registerForm.required') }];
  const columnOptions = props.columns.map((c) => ({ value: c, label: c }));

  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);

  return (
    <Modal
      open={props.open}
      title={t('dataAssets.rules.add')}
      onCancel={props.onClose}
      onOk={() => void form.validateFields().then(props.onAdd)}
      okButtonProps={{ id: 'rule-add-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<RuleFormValues> form={form} layout="vertical" initialValues={{ kind: 'required', mode: 'number', validator: 'uscc' }}>
        <Form.Item name="kind" label={t('dataAssets.rules.kind')}>
          <Select data-testid="rule-kind" options={KINDS.map((k) => ({ value: k, label: t(`dataAssets.ruleKind.${k}`) }))} />
        </Form.Item>
        {kind === 'unique' ? (
          <Form.Item name="columns" label={t('dataAssets.rules.columns')} rules={required}>
            <Select mode="multiple" options={columnOptions} />
          </Form.Item>
        ) : (
          <Form.Item name="column" label={t('dataAssets.rules.column')} rules={required}>
            <Select data-testid="rule-column" showSearch options={columnOptions} />
          </Form.Item>
        )}
        {kind === 'regex' && (
          <Form.Item name="pattern" label={t('dataAssets.rules.pattern')} rules={required} extra={t('dataAssets.rules.patternHelp')}>
            <Input placeholder="KH[0-9]{4}" />
          </Form.Item>
        )}
        {kind === 'range' && (
          <>
            <Form.Item name="mode">
              <Radio.Group>
                <Radio value="number">{t('dataAssets.rules.modeNumber')}</Radio>
                <Radio value="date">{t('dataAssets.rules.modeDate')}</Radio>
              </Radio.Group>
            </Form.Item>
            {mode === 'number' ? (
              <Space>
                <Form.Item name="minNumber" label={t('dataAssets.rules.min')}>
                  <InputNumber />
                </Form.Item>
                <Form.Item name="maxNumber" label={t('dataAssets.rules.max')}>
                  <InputNumber />
                </Form.Item>
              </Space>
            ) : (
              <Space>
                <Form.Item name="minDate" label={t('dataAssets.rules.min')}>
                  <Input placeholder="2020-01-01" />
                </Form.Item>
                <Form.Item name="maxDate" label={t('dataAssets.rules.max')}>
                  <Input placeholder="2026-12-31" />
                </Form.Item>
              </Space>
            )}
          </>
        )}
        {kind === 'allowed' && (
          <>
            <Form.Item name="values" label={t('dataAssets.rules.values')} rules={required}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} />
            </Form.Item>
            <Form.Item name="ignoreCase" valuePropName="checked">
              <Checkbox>{t('dataAssets.rules.ignoreCase')}</Checkbox>
            </Form.Item>
          </>
        )}
        {kind === 'reference' && (
          <Space style={{ width: '100%' }} wrap>
            <Form.Item name="datasetId" label={t('dataAssets.rules.dataset')} rules={required} style={{ minWidth: 220 }}>
              <Select options={props.assets.map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
            <Form.Item name="datasetColumn" label={t('dataAssets.rules.datasetColumn')} rules={required} style={{ minWidth: 180 }}>
              <Select options={refColumns.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Space>
        )}
        {kind === 'validator' && (
          <Form.Item name="validator" label={t('dataAssets.rules.validator')}>
            <Select options={VALIDATORS.map((v) => ({ value: v, label: t(`dataAssets.validator.${v}`) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function RunResults({ asset, run }: { asset: DataAsset; run: RuleRun }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [ruleId, setRuleId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const failures = useApi(
    () => dataAssetsApi.failures(project.id, asset.id, run.id, { ruleId, offset: (page - 1) * PAGE, limit: PAGE }),
    [project.id, asset.id, run.id, ruleId, page],
  );
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      await dataAssetsApi.exportFailures(project.id, asset.id, run.id, format, ruleId);
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-run-results">
      <Typography.Text>{t('dataAssets.rules.runSummary', { rows: run.rows ?? 0, failures: run.failuresTotal })}</Typography.Text>
      <Table
        size="small"
        rowKey="ruleId"
        pagination={false}
        dataSource={run.rules}
        data-testid="rule-outcomes"
        rowClassName={(r) => (r.ruleId === ruleId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({
          onClick: () => (setRuleId(r.ruleId === ruleId ? undefined : r.ruleId), setPage(1)),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('dataAssets.rules.rule'), dataIndex: 'label' },
          {
            title: t('dataAssets.rules.failing'),
            dataIndex: 'failing',
            align: 'right',
            render: (n: number) => <Tag color={n ? 'red' : 'green'}>{n.toLocaleString()}</Tag>,
          },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>
          {ruleId
            ? t('dataAssets.rules.failingRowsOf', { rule: run.rules.find((r) => r.ruleId === ruleId)?.label ?? ruleId })
            : t('dataAssets.rules.failingRows')}
        </Typography.Text>
        {can('data_asset:export') && (
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} data-testid="rule-export-xlsx">
              {t('dataAssets.rules.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>
              {t('dataAssets.rules.exportCsv')}
            </Button>
          </Space>
        )}
      </Space>
      <Table<RuleFailure>
        size="small"
        rowKey="seq"
        loading={failures.loading}
        dataSource={failures.data?.items ?? []}
        data-testid="rule-failures"
        pagination={{ current: page, pageSize: PAGE, total: failures.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('dataAssets.rules.rowNumber'), dataIndex: 'row', width: 80 },
          { title: t('dataAssets.key'), dataIndex: 'key' },
          { title: t('dataAssets.rules.column'), dataIndex: 'column' },
          {
            title: t('dataAssets.rules.value'),
            dataIndex: 'value',
            render: (v: string | null) => (v === null ? <Typography.Text type="secondary">∅</Typography.Text> : <code>{v}</code>),
          },
          { title: t('dataAssets.rules.reason'), dataIndex: 'reason' },
        ]}
      />
    </Space>
  );
}

/** 质量规则: edit the rule set, run it, see and export every failing row. */
export function RulesTab({ asset, onSaved }: { asset: DataAsset; onSaved: (asset: DataAsset) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const columns = useAssetColumns(project.id, asset.id);
  const assets = useApi(() => dataAssetsApi.list(project.id), [project.id]);
  const runs = useApi(() => dataAssetsApi.ruleRuns(project.id, asset.id), [project.id, asset.id]);
  const [rules, setRules] = useState<QualityRule[]>(asset.ruleSet.rules);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<'save' | 'run' | null>(null);
  const [error, setError] = useState<string>();
  const [run, setRun] = useState<RuleRun | null>(null);
  const ruleText = useRuleText();
  const others = (assets.data?.items ?? []).filter((a) => a.id !== asset.id);
  const dirty = JSON.stringify(rules) !== JSON.stringify(asset.ruleSet.rules);
  const shown = run ?? runs.data?.items.find((r) => r.status === 'succeeded') ?? null;
  const editable = can('data_asset:update');

  // Reset the editor only when the stored set really changed (the asset is re-fetched while a profile runs).
  const storedRules = JSON.stringify(asset.ruleSet.rules);
  useEffect(() => setRules(JSON.parse(storedRules) as QualityRule[]), [storedRules]);

  const save = async (): Promise<boolean> => {
    setBusy('save');
    setError(undefined);
    try {
      onSaved(await dataAssetsApi.saveRules(project.id, asset.id, { rules }));
      message.success(t('common.saved'));
      return true;
    } catch (cause) {
      const e = toApiError(cause);
      setError([e.message, ...e.details.map((d) => `${d.field}: ${d.reason}`)].join('；'));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const runNow = async () => {
    if (dirty && !(await save())) return;
    setBusy('run');
    setError(undefined);
    try {
      // A background job: poll the run until it ends (millions of rows take a while).
      let current = (await dataAssetsApi.runRules(project.id, asset.id)).run;
      while (current.status === 'queued' || current.status === 'running') {
        await new Promise((r) => window.setTimeout(r, 500));
        current = await dataAssetsApi.ruleRun(project.id, asset.id, current.id);
      }
      setRun(current);
      if (current.status === 'failed') setError(current.error ?? t('dataAssets.status.failed'));
      await runs.reload();
    } catch (cause) {
      setError(toApiError(cause).message);
    } finally {
      setBusy(null);
    }
  };

  const add = (values: RuleFormValues) => {
    let n = rules.length + 1;
    while (rules.some((r) => r.id === `${values.kind}-${n}`)) n++;
    setRules([...rules, toRule(values, `${values.kind}-${n}`)]);
    setAdding(false);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="rules-tab">
      <Card
        size="small"
        title={t('dataAssets.rules.title')}
        extra={
          editable && (
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-add">
                {t('dataAssets.rules.add')}
              </Button>
              <Button
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={busy === 'save'}
                onClick={() => void save()}
                data-testid="rule-save"
              >
                {t('common.save')}
              </Button>
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                disabled={rules.length === 0}
                loading={busy === 'run'}
                onClick={() => void runNow()}
                data-testid="rule-run"
              >
                {t('dataAssets.rules.run')}
              </Button>
            </Space>
          )
        }
      >
        <Table<QualityRule>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rules}
          data-testid="rule-list"
          locale={{ emptyText: t('dataAssets.rules.empty') }}
          columns={[
            { title: t('dataAssets.rules.kind'), render: (_, r) => <Tag>{t(`dataAssets.ruleKind.${r.kind}`)}</Tag> },
            { title: t('dataAssets.rules.column'), render: (_, r) => (r.kind === 'unique' ? r.columns.join(' + ') : r.column) },
            { title: t('dataAssets.rules.condition'), render: (_, r) => ruleText(r, assets.data?.items ?? []) },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    width: 80,
                    render: (_: unknown, r: QualityRule) => (
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() => setRules(rules.filter((x) => x.id !== r.id))}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} data-testid="rules-error" />}
      </Card>
      {shown && (
        <Card size="small" title={t('dataAssets.rules.results')}>
          {shown.status === 'failed' ? (
            <Alert type="error" showIcon message={shown.error} />
          ) : (
            <RunResults key={shown.id} asset={asset} run={shown} />
          )}
        </Card>
      )}
      <AddRuleModal open={adding} columns={columns} assets={others} onAdd={add} onClose={() => setAdding(false)} />
    </Space>
  );
}
