import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IndicatorItem } from './indicator-item';
import { SIGNAL_HEX } from '../risk-model';
import { SignalTag } from './signal-tag';
import type { DimensionView, IndicatorView } from '../types';

/** One dimension of health (a classic pitfall, goals or the register): its score, countermeasure and indicators. */
export function DimensionCard(props: {
  projectId: string;
  dimension: DimensionView;
  canCreate: boolean;
  onRaise: (indicator: IndicatorView, dimension: DimensionView) => void;
}) {
  const { t } = useTranslation();
  const d = props.dimension;
  return (
    <Card
      size="small"
      data-testid={`dimension-${d.code}`}
      data-level={d.level}
      style={{ height: '100%', borderTop: `3px solid ${SIGNAL_HEX[d.level]}` }}
      title={<span data-testid={`dimension-title-${d.code}`}>{d.title}</span>}
      extra={
        <Space size={8}>
          <Typography.Text strong style={{ color: SIGNAL_HEX[d.level] }} data-testid={`dimension-score-${d.code}`}>
            {d.score === null ? '—' : Math.round(d.score)}
          </Typography.Text>
          <SignalTag level={d.level} />
          <Typography.Text type="secondary">{t('risks.health.weight', { weight: d.weight })}</Typography.Text>
        </Space>
      }
    >
      <blockquote
        style={{ margin: '0 0 8px', padding: '4px 10px', borderInlineStart: '3px solid #d9d9d9', background: '#fafafa', color: '#595959' }}
        data-testid={`countermeasure-${d.code}`}
      >
        <Typography.Text strong>{t('risks.health.countermeasure')}</Typography.Text> {d.countermeasure}
      </blockquote>
      {d.indicators.map((i) => (
        <IndicatorItem
          key={i.code}
          projectId={props.projectId}
          indicator={i}
          canCreate={props.canCreate}
          onRaise={(indicator) => props.onRaise(indicator, d)}
        />
      ))}
    </Card>
  );
}
