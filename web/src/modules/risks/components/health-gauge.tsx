import { GaugeChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/echart';
import { SIGNAL_HEX } from '../risk-model';
import type { SignalLevel } from '../types';

echarts.use([GaugeChart]);

/**
 * The health score (0–100) on a gauge whose bands follow the levels (< 40 critical, < 60 warning,
 * < 80 watch); `children` (the score as text) sit in the gauge's opening.
 */
export function HealthGauge({ score, level, children }: { score: number | null; level: SignalLevel; children?: React.ReactNode }) {
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
          center: ['50%', '55%'],
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
          pointer: { show: !noData, length: '50%', width: 5, offsetCenter: [0, '-8%'], itemStyle: { color: SIGNAL_HEX[level] } },
          anchor: { show: !noData, size: 10, offsetCenter: [0, '-8%'], itemStyle: { color: SIGNAL_HEX[level] } },
          axisTick: { show: false },
          splitLine: { distance: 2, length: 6, lineStyle: { color: '#bfbfbf', width: 1 } },
          axisLabel: { distance: 12, fontSize: 10, color: '#8c8c8c' },
          title: { show: false },
          // The score and level are written under the gauge as text (readable, selectable, testable).
          detail: { show: false },
          data: [{ value: noData ? 0 : score, name: t(`risks.signal.${level}`) }],
        },
      ],
    };
  }, [score, level, t]);
  return (
    <div style={{ position: 'relative' }}>
      <EChart option={option} height={220} testId="health-gauge" />
      <div style={{ position: 'absolute', left: 0, right: 0, bottom: 8, textAlign: 'center' }}>{children}</div>
    </div>
  );
}
