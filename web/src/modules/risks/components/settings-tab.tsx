import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { applyServerErrors } from '../../../components/server-errors';
import { useApi } from '../../../components/use-api';
import { formToSettings, PLAIN_FIELDS, settingsToForm, SHARE_FIELDS, weightField, type SettingsFormValues } from '../risk-model';
import { risksApi } from '../api';
import { HEALTH_DIMENSIONS } from '../types';

type FieldName = keyof SettingsFormValues;
type Unit = 'percent' | 'days' | 'points';

const GROUPS: { key: string; fields: [FieldName, Unit][] }[] = [
  {
    key: 'executive_backing',
    fields: [
      ['sponsorInactiveDays', 'days'],
      ['approvalWaitDays', 'days'],
    ],
  },
  {
    key: 'change_management',
    fields: [
      ['resistanceWarnShare', 'percent'],
      ['resistanceCriticalShare', 'percent'],
      ['assessmentStaleDays', 'days'],
    ],
  },
  {
    key: 'data_quality',
    fields: [
      ['dataScoreWarn', 'points'],
      ['dataScoreCritical', 'points'],
      ['rejectRatioWarn', 'percent'],
      ['rejectRatioCritical', 'percent'],
    ],
  },
  {
    key: 'goals',
    fields: [
      ['goalLagWarn', 'percent'],
      ['goalLagCritical', 'percent'],
    ],
  },
];

const FIELDS: FieldName[] = [...SHARE_FIELDS, ...PLAIN_FIELDS, ...HEALTH_DIMENSIONS.map(weightField)];
/** `weights.goals` from the API names the form field `weight_goals`. */
const RENAME: Record<string, string> = Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, weightField(d)]));

/** 预警设置: the early-warning thresholds (shares as percentages) and the weight of each dimension in the health score. */
export function SettingsTab(props: { projectId: string; canEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useApi(() => risksApi.settings(props.projectId), [props.projectId]);
  const [form] = Form.useForm<SettingsFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const weights =
    Form.useWatch((values: Partial<SettingsFormValues>) => HEALTH_DIMENSIONS.map((d) => values[weightField(d)] ?? 0), form) ?? [];
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settingsToForm(settings.data));
  }, [settings.data, form]);

  const submit = async (values: SettingsFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await risksApi.saveSettings(props.projectId, formToSettings(values));
      settings.setData(saved);
      form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
      message.success(t('risks.settings.saved'));
      props.onSaved();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, FIELDS, RENAME);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: FieldName, unit: Unit) => (
    <InputNumber
      style={{ width: '100%' }}
      min={0}
      max={unit === 'days' ? 365 : 100}
      step={unit === 'percent' ? 0.5 : 1}
      precision={unit === 'percent' ? 2 : 0}
      addonAfter={t(`risks.settings.unit.${unit}`)}
      data-testid={`settings-${name}`}
    />
  );

  if (!settings.data) {
    return (
      <div data-testid="settings-tab">
        <ErrorAlert error={settings.error} onRetry={() => void settings.reload()} />
        {!settings.error && <PageSpinner />}
      </div>
    );
  }

  return (
    <div data-testid="settings-tab">
      <Typography.Paragraph type="secondary">{t('risks.settings.intro')}</Typography.Paragraph>
      {!props.canEdit && (
        <Alert type="info" showIcon message={t('risks.settings.readOnly')} style={{ marginBottom: 12 }} data-testid="settings-readonly" />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="settings-error" />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={!props.canEdit} data-testid="settings-form">
        <Row gutter={[16, 16]}>
          {GROUPS.map((g) => (
            <Col key={g.key} xs={24} lg={12}>
              <Card size="small" title={t(`risks.dimension.${g.key}`)} style={{ height: '100%' }}>
                <Row gutter={16}>
                  {g.fields.map(([name, unit]) => (
                    <Col key={name} xs={24} md={12}>
                      <Form.Item
                        name={name}
                        label={t(`risks.settings.field.${name}`)}
                        tooltip={t(`risks.settings.help.${name}`)}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        {input(name, unit)}
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Card>
            </Col>
          ))}
          <Col xs={24}>
            <Card size="small" title={t('risks.settings.weights')} data-testid="settings-weights">
              <Typography.Paragraph type="secondary">{t('risks.settings.weightsHelp')}</Typography.Paragraph>
              <Row gutter={16}>
                {HEALTH_DIMENSIONS.map((d, index) => (
                  <Col key={d} xs={12} md={8} xl={4}>
                    <Form.Item
                      name={weightField(d)}
                      label={t(`risks.dimension.${d}`)}
                      extra={
                        totalWeight > 0
                          ? t('risks.settings.weightShare', { share: Math.round(((weights[index] ?? 0) / totalWeight) * 100) })
                          : undefined
                      }
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <InputNumber style={{ width: '100%' }} min={0} max={100} precision={0} data-testid={`settings-weight-${d}`} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Typography.Text type="secondary">{t('risks.settings.customisationNote')}</Typography.Text>
            </Card>
          </Col>
        </Row>
        {props.canEdit && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
              {t('common.save')}
            </Button>
            <Button
              htmlType="button"
              onClick={() => settings.data && form.setFieldsValue(settingsToForm(settings.data))}
              data-testid="settings-reset"
            >
              {t('risks.settings.revert')}
            </Button>
          </Space>
        )}
      </Form>
    </div>
  );
}
