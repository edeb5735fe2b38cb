import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { ROI_ITEM_KINDS, type Roi, type RoiItem, type RoiItemKind } from '../../../api/types';
import { EChart, type ChartOption } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { formatMoney, formatNumber } from '../../../components/format';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

interface SettingsForm {
  horizonYears: number;
  discountRatePct: number;
  currency: string;
}
interface ItemForm {
  kind: RoiItemKind;
  label: string;
  amount: number;
}

const KIND_COLOR: Record<RoiItemKind, string> = { one_off_cost: 'volcano', recurring_cost: 'orange', benefit: 'green' };

/** ROI of the rollout: settings, cost/benefit items, and the server-computed payback, ROI % and NPV. */
export function RoiTab({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roi = useApi(() => api.roi.get(projectId), [projectId]);
  const [settingsForm] = Form.useForm<SettingsForm>();
  const [itemForm] = Form.useForm<ItemForm>();
  const [settingsError, setSettingsError] = useState<string>();
  const [itemError, setItemError] = useState<string>();
  const [busy, setBusy] = useState<'settings' | 'item' | null>(null);
  const data = roi.data;

  useEffect(() => {
    if (data)
      settingsForm.setFieldsValue({
        horizonYears: data.settings.horizonYears,
        discountRatePct: Math.round(data.settings.discountRate * 10000) / 100,
        currency: data.settings.currency,
      });
  }, [data, settingsForm]);

  const saveSettings = async (v: SettingsForm) => {
    setBusy('settings');
    setSettingsError(undefined);
    try {
      roi.setData(
        await api.roi.saveSettings(projectId, {
          horizonYears: v.horizonYears,
          discountRate: v.discountRatePct / 100,
          currency: v.currency,
        }),
      );
      message.success(t('common.saved'));
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(settingsForm, cause, ['horizonYears', 'discountRatePct', 'currency'], {
        discountRate: 'discountRatePct',
      });
      setSettingsError([text, ...unmatched].join(' '));
    } finally {
      setBusy(null);
    }
  };

  const addItem = async (v: ItemForm) => {
    setBusy('item');
    setItemError(undefined);
    try {
      roi.setData(await api.roi.addItem(projectId, v));
      itemForm.resetFields(['label', 'amount']);
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(itemForm, cause, ['kind', 'label', 'amount']);
      setItemError([text, ...unmatched].join(' '));
    } finally {
      setBusy(null);
    }
  };

  const removeItem = async (item: RoiItem) => {
    try {
      roi.setData(await api.roi.removeItem(projectId, item.id));
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const currency = data?.settings.currency ?? 'CNY';
  const chart = useMemo<ChartOption | null>(
    () => (data ? cashFlowOption(data, t('roi.cashFlow'), t('roi.cumulative'), (n) => t('roi.yearN', { n })) : null),
    [data, t],
  );

  return (
    <div data-testid="roi-tab">
      <ErrorAlert error={roi.error} onRetry={() => void roi.reload()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('roi.settings')}>
            {settingsError && <Alert type="error" showIcon message={settingsError} style={{ marginBottom: 8 }} />}
            <Form form={settingsForm} layout="vertical" onFinish={saveSettings} disabled={!canEdit}>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item
                    name="horizonYears"
                    label={t('roi.horizonYears')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} data-testid="roi-horizon" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="discountRatePct"
                    label={t('roi.discountRate')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} addonAfter="%" data-testid="roi-rate" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="currency" label={t('roi.currency')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Input maxLength={10} data-testid="roi-currency" />
                  </Form.Item>
                </Col>
              </Row>
              {canEdit && (
                <Button htmlType="submit" type="primary" loading={busy === 'settings'} data-testid="roi-save-settings">
                  {t('common.save')}
                </Button>
              )}
            </Form>
          </Card>
          <Card size="small" title={t('roi.formulas')} style={{ marginTop: 16 }} data-testid="roi-formulas">
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text code>{t('roi.formulaNet')}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text code>NPV = −C₀ + Σₜ₌₁ⁿ (B − R) / (1 + r)ᵗ</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text code>ROI = (n·B − (C₀ + n·R)) / (C₀ + n·R) × 100%</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text code>{t('roi.formulaPayback')}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('roi.formulaLegend')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('roi.payback')}
                  data-testid="roi-payback"
                  value={data?.result.paybackYears != null ? formatNumber(data.result.paybackYears, 1) : t('roi.noPayback')}
                  suffix={data?.result.paybackYears != null ? t('roi.years') : undefined}
                />
                {data && data.result.paybackYears !== null && !data.result.paybackWithinHorizon && (
                  <Tag color="orange">{t('roi.beyondHorizon')}</Tag>
                )}
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('roi.roiPercent')}
                  data-testid="roi-percent"
                  value={data?.result.roiPercent != null ? formatNumber(data.result.roiPercent, 1) : '—'}
                  suffix={data?.result.roiPercent != null ? '%' : undefined}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small">
                <Statistic
                  title={t('roi.npv', { rate: data ? formatNumber(data.settings.discountRate * 100, 2) : '' })}
                  data-testid="roi-npv"
                  value={data ? formatMoney(data.result.npv, currency) : '—'}
                  valueStyle={data && data.result.npv < 0 ? { color: '#cf1322' } : { color: '#389e0d' }}
                />
              </Card>
            </Col>
          </Row>
          {data && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('roi.summary', {
                c0: formatMoney(data.result.oneOffCost, currency),
                r: formatMoney(data.result.recurringCostPerYear, currency),
                b: formatMoney(data.result.benefitPerYear, currency),
                net: formatMoney(data.result.netBenefitPerYear, currency),
                n: data.settings.horizonYears,
              })}
            </Typography.Paragraph>
          )}
          <Card size="small" title={t('roi.cashFlowChart')} style={{ marginTop: 8 }}>
            {chart && <EChart option={chart} height={260} testId="roi-chart" />}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('roi.items')} style={{ marginTop: 16 }}>
        {canEdit && (
          <>
            {itemError && <Alert type="error" showIcon message={itemError} style={{ marginBottom: 8 }} />}
            <Form
              form={itemForm}
              layout="inline"
              onFinish={addItem}
              initialValues={{ kind: 'one_off_cost' }}
              style={{ marginBottom: 12, rowGap: 8 }}
            >
              <Form.Item name="kind">
                <Select
                  style={{ width: 170 }}
                  data-testid="roi-item-kind"
                  options={ROI_ITEM_KINDS.map((k) => ({ value: k, label: t(`roi.kind.${k}`) }))}
                />
              </Form.Item>
              <Form.Item name="label" rules={[{ required: true, message: t('validation.required') }]}>
                <Input placeholder={t('roi.label')} maxLength={100} data-testid="roi-item-label" />
              </Form.Item>
              <Form.Item name="amount" rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber
                  placeholder={t('roi.amount')}
                  min={0}
                  style={{ width: 180 }}
                  addonAfter={currency}
                  data-testid="roi-item-amount"
                />
              </Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined />} loading={busy === 'item'} data-testid="roi-item-add">
                {t('common.add')}
              </Button>
            </Form>
          </>
        )}
        <Table<RoiItem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data?.items ?? []}
          loading={roi.loading}
          data-testid="roi-items"
          locale={{ emptyText: t('roi.noItems') }}
          columns={[
            {
              title: t('roi.kindLabel'),
              dataIndex: 'kind',
              width: 170,
              render: (k: RoiItemKind) => <Tag color={KIND_COLOR[k]}>{t(`roi.kind.${k}`)}</Tag>,
            },
            { title: t('roi.label'), dataIndex: 'label' },
            { title: t('roi.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatMoney(v, currency) },
            ...(canEdit
              ? [
                  {
                    key: 'actions',
                    width: 60,
                    render: (_: unknown, item: RoiItem) => (
                      <Popconfirm
                        title={t('common.deleteConfirm')}
                        onConfirm={() => removeItem(item)}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}

function cashFlowOption(roi: Roi, cashFlowName: string, cumulativeName: string, yearLabel: (n: number) => string): ChartOption {
  const flows = roi.result.cashFlows;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 32, bottom: 30 },
    xAxis: { type: 'category', data: flows.map((f) => yearLabel(f.year)) },
    yAxis: { type: 'value' },
    series: [
      {
        name: cashFlowName,
        type: 'bar',
        data: flows.map((f) => ({ value: f.cashFlow, itemStyle: { color: f.cashFlow < 0 ? '#ff7875' : '#95de64' } })),
      },
      { name: cumulativeName, type: 'line', data: flows.map((f) => f.cumulative), symbolSize: 6 },
    ],
  };
}
