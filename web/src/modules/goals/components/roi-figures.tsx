import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Roi } from '../../../api/types';
import { formatMoney, formatNumber } from '../../../components/format';

/** The computed figures (payback, ROI %, NPV) and the sentence that sums up the inputs; dashes until loaded. */
export function RoiFigures({ data, currency }: { data: Roi | undefined; currency: string }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
