import { Col, Form, Radio, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskLevelOfScore } from '../risk-model';
import { RISK_CATEGORIES, RISK_STATUSES } from '../types';
import { RiskScoreTag } from './risk-tags';
import type { RiskFormValues } from './use-risk-form';

const SCALE = [1, 2, 3, 4, 5];

/** Category, status, and probability × impact on 1–5 scales, with the risk value shown as they change. */
export function RiskRatingFields({ form }: { form: FormInstance<RiskFormValues> }) {
  const { t } = useTranslation();
  const probability = Form.useWatch('probability', form) ?? 3;
  const impact = Form.useWatch('impact', form) ?? 3;
  const score = probability * impact;
  const scaleOptions = (kind: 'probability' | 'impact') =>
    SCALE.map((n) => (
      <Radio.Button key={n} value={n} title={t(`risks.form.${kind}Scale.${n}`)}>
        {n}
      </Radio.Button>
    ));
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="category" label={t('risks.field.category')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select data-testid="risk-category" options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`risks.category.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('risks.field.status')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select data-testid="risk-status" options={RISK_STATUSES.map((s) => ({ value: s, label: t(`risks.status.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('risks.field.score')}>
            <div style={{ paddingTop: 4 }} data-testid="risk-form-score">
              <RiskScoreTag score={score} level={riskLevelOfScore(score)} />
            </div>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="probability"
            label={t('risks.field.probability')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Radio.Group buttonStyle="solid" data-testid="risk-probability">
              {scaleOptions('probability')}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="impact" label={t('risks.field.impact')} rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group buttonStyle="solid" data-testid="risk-impact">
              {scaleOptions('impact')}
            </Radio.Group>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
