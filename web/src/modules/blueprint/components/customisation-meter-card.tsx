import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Modal, Progress, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../components/format';
import { moduleLabel } from '../../../components/labels';
import { toApiError } from '../../../components/use-api';
import { blueprintApi } from '../api';
import type { Meter, MeterRow } from '../types';

/** The customisation meter: share and effort of custom development per module against the thresholds. */
export function CustomisationMeterCard(props: { projectId: string; meter: Meter; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ sharePct: number; effort: number }>();
  const { meter } = props;
  const rows = [...meter.modules, meter.overall];

  const save = async (values: { sharePct: number; effort: number }) => {
    setBusy(true);
    try {
      await blueprintApi.setThresholds(props.projectId, { maxCustomShare: values.sharePct / 100, maxCustomEffortDays: values.effort });
      message.success(t('common.saved'));
      setOpen(false);
      props.onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('blueprint.meter.title')}
      data-testid="customisation-meter"
      style={{ marginBottom: 16 }}
      extra={
        <span>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
            {t('blueprint.meter.thresholds', {
              share: formatPercent(meter.thresholds.maxCustomShare, 0),
              effort: formatNumber(meter.thresholds.maxCustomEffortDays),
            })}
          </Typography.Text>
          {props.canEdit && (
            <Button
              size="small"
              icon={<SettingOutlined />}
              data-testid="meter-thresholds"
              onClick={() => {
                form.setFieldsValue({ sharePct: meter.thresholds.maxCustomShare * 100, effort: meter.thresholds.maxCustomEffortDays });
                setOpen(true);
              }}
            >
              {t('blueprint.meter.editThresholds')}
            </Button>
          )}
        </span>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('blueprint.meter.rule')}
      </Typography.Paragraph>
      <Table<MeterRow>
        size="small"
        rowKey="module"
        pagination={false}
        dataSource={rows}
        onRow={(r) =>
          ({
            'data-testid': `meter-row-${r.module}`,
            'data-over': String(r.overShare || r.overEffort),
          }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        columns={[
          {
            title: t('blueprint.field.module'),
            dataIndex: 'module',
            width: 110,
            render: (m: string) => (m === 'all' ? <strong>{t('blueprint.meter.all')}</strong> : moduleLabel(t, m)),
          },
          { title: t('blueprint.meter.total'), dataIndex: 'total', width: 80, align: 'right' },
          { title: t('blueprint.meter.custom'), dataIndex: 'custom', width: 80, align: 'right' },
          {
            title: t('blueprint.meter.share'),
            width: 220,
            render: (_, r) => (
              <Progress
                size="small"
                percent={Math.round(r.customShare * 1000) / 10}
                success={{ percent: 0 }}
                status={r.overShare ? 'exception' : 'normal'}
                format={(p) => `${formatNumber(p ?? 0, 1)}%`}
                strokeColor={r.overShare ? '#cf1322' : r.customShare >= meter.thresholds.maxCustomShare * 0.8 ? '#faad14' : undefined}
              />
            ),
          },
          {
            title: t('blueprint.meter.effort'),
            width: 150,
            align: 'right',
            render: (_, r) => (
              <span style={{ color: r.overEffort ? '#cf1322' : undefined }}>
                {formatNumber(r.customEffortDays, 1)} / {formatNumber(r.totalEffortDays, 1)}
              </span>
            ),
          },
          { title: t('blueprint.meter.effortShare'), width: 100, align: 'right', render: (_, r) => formatPercent(r.customEffortShare, 1) },
          {
            title: t('blueprint.meter.verdict'),
            width: 110,
            render: (_, r) =>
              r.overShare || r.overEffort ? (
                <Tag color="red">{t('blueprint.meter.over')}</Tag>
              ) : (
                <Tag color="green">{t('blueprint.meter.ok')}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('blueprint.meter.editThresholds')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="sharePct" label={t('blueprint.meter.maxShare')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} max={100} step={1} addonAfter="%" />
          </Form.Item>
          <Form.Item name="effort" label={t('blueprint.meter.maxEffort')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} max={100000} step={5} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
