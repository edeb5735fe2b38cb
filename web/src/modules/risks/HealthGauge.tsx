import { GaugeChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../components/EChart';
import { SIGNAL_HEX } from './riskModel';
import type { SignalLevel } from './types';

echarts.use([GaugeChart]);

/** The health score (0–100) on a gauge whose bands follow the levels: < 40 critical, < 60 warning, < 80 watch. */
export function HealthGauge({ score, level }: { score: number | null; level: SignalLevel }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const noData = score === null;
    return {
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          startAngle: 210,
          endAngle: -30,
          radius: '95%',
          center: ['50%', '58%'],
          progress: { show: !noData, width: 14, itemStyle: { color: SIGNAL_HEX[level] } },
          axisLine: {
            lineStyle: {
              width: 14,
              color: noData
                ? [[1, '#f0f0f0']]
                : [
                    [0.4, '#ffccc7'],
                    [0.6, '#ffe7ba'],
                    [0.8, '#fff1b8'],
                    [1, '#d9f7be'],
                  ],
            },
          },
          pointer: { show: !noData, length: '55%', width: 5, itemStyle: { color: SIGNAL_HEX[level] } },
          anchor: { show: !noData, size: 10, itemStyle: { color: SIGNAL_HEX[level] } },
          axisTick: { distance: -22, length: 5, lineStyle: { color: '#bfbfbf' } },
          splitLine: { distance: -24, length: 10, lineStyle: { color: '#bfbfbf' } },
          axisLabel: { distance: 4, fontSize: 10, color: '#8c8c8c' },
          title: { offsetCenter: [0, '62%'], fontSize: 14, color: SIGNAL_HEX[level] },
          detail: {
            valueAnimation: true,
            offsetCenter: [0, '32%'],
            fontSize: 30,
            fontWeight: 'bold',
            color: noData ? SIGNAL_HEX.no_data : '#262626',
            formatter: () => (noData ? '—' : String(Math.round(score))),
          },
          data: [{ value: noData ? 0 : score, name: t(`risks.signal.${level}`) }],
        },
      ],
    };
  }, [score, level, t]);
  return <EChart option={option} height={220} testId="health-gauge" />;
}
