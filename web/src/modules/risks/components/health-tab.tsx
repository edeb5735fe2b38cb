import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import type { ApiState } from '../../../components/use-api';
import { AlertList } from './alert-list';
import { DimensionCard } from './dimension-card';
import { HealthGauge } from './health-gauge';
import { HealthTrend } from './health-trend';
import { SIGNAL_HEX } from '../risk-model';
import { SignalTag } from './signal-tag';
import type { DimensionView, HealthView, IndicatorView } from '../types';

/** 健康度: the score on a gauge, its trend, the alerts, and one card per pitfall with its indicators. */
export function HealthTab(props: {
  projectId: string;
  health: ApiState<HealthView>;
  canCreate: boolean;
  onRaise: (indicator: IndicatorView, dimension: DimensionView) => void;
}) {
  const { t } = useTranslation();
  const { health } = props;
  const h = health.data;
  return (
    <div data-testid="health-tab">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('risks.health.intro')}</Typography.Text>
        <Button icon={<ReloadOutlined />} loading={health.loading} onClick={() => void health.reload()} data-testid="health-reload">
          {t('risks.health.reevaluate')}
        </Button>
      </Space>
      <ErrorAlert error={health.error} onRetry={() => void health.reload()} />
      {!h && !health.error && <PageSpinner />}
      {h && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title={t('risks.health.title')} style={{ height: '100%' }}>
                <HealthGauge score={h.score} level={h.level}>
                  <Typography.Text
                    strong
                    style={{ fontSize: 32, lineHeight: 1.1, color: h.score === null ? SIGNAL_HEX.no_data : '#262626' }}
                    data-testid="health-score"
                    data-score={h.score === null ? '' : String(Math.round(h.score))}
                    data-level={h.level}
                  >
                    {h.score === null ? '—' : Math.round(h.score)}
                  </Typography.Text>
                  <div>
                    <SignalTag level={h.level} testId="health-level" />
                  </div>
                </HealthGauge>
                <div style={{ textAlign: 'center' }}>
                  <Typography.Text type="secondary">{t('risks.health.evaluatedOn', { date: h.evaluatedOn })}</Typography.Text>
                </div>
              </Card>
            </Col>
            <Col xs={24} md={12} xl={9}>
              <Card size="small" title={t('risks.health.trend')} style={{ height: '100%' }}>
                <HealthTrend history={h.history} />
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card
                size="small"
                style={{ height: '100%' }}
                title={
                  <Space>
                    {t('risks.health.alerts')}
                    <Badge
                      count={h.alerts.length}
                      showZero
                      color={h.alerts.length ? SIGNAL_HEX.critical : SIGNAL_HEX.ok}
                      data-testid="alert-count"
                    />
                  </Space>
                }
              >
                <AlertList alerts={h.alerts} dimensions={h.dimensions} />
              </Card>
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('risks.health.pitfalls')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {h.dimensions.map((d) => (
              <Col key={d.code} xs={24} xl={12}>
                <DimensionCard projectId={props.projectId} dimension={d} canCreate={props.canCreate} onRaise={props.onRaise} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
