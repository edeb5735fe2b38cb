import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/echart';
import { SIGNAL_HEX } from '../risk-model';
import type { HealthView } from '../types';

/** The daily health score over the last 90 evaluated days, on the level bands. */
export function HealthTrend({ history }: { history: HealthView['history'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 36, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: history.map((h) => h.day), boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100, splitNumber: 5 },
      series: [
        {
          name: t('risks.health.score'),
          type: 'line',
          data: history.map((h) => (h.score === null ? null : Math.round(h.score * 10) / 10)),
          connectNulls: false,
          showSymbol: history.length <= 31,
          symbolSize: 6,
          lineStyle: { width: 2, color: '#1677ff' },
          itemStyle: { color: '#1677ff' },
          markArea: {
            silent: true,
            data: [
              [{ yAxis: 0, itemStyle: { color: SIGNAL_HEX.critical, opacity: 0.06 } }, { yAxis: 40 }],
              [{ yAxis: 40, itemStyle: { color: SIGNAL_HEX.warning, opacity: 0.06 } }, { yAxis: 60 }],
              [{ yAxis: 60, itemStyle: { color: SIGNAL_HEX.watch, opacity: 0.06 } }, { yAxis: 80 }],
              [{ yAxis: 80, itemStyle: { color: SIGNAL_HEX.ok, opacity: 0.06 } }, { yAxis: 100 }],
            ],
          },
        },
      ],
    }),
    [history, t],
  );
  if (history.length === 0) return <Empty description={t('risks.health.noHistory')} />;
  return <EChart option={option} height={220} testId="health-trend" />;
}
