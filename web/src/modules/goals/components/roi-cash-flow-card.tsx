import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roi } from '../../../api/types';
import { EChart, type ChartOption } from '../../../components/echart';

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

/** The yearly cash flow as bars (red when negative) with the cumulative line; drawn once the case is loaded. */
export function RoiCashFlowCard({ data }: { data: Roi | undefined }) {
  const { t } = useTranslation();
  const chart = useMemo<ChartOption | null>(
    () => (data ? cashFlowOption(data, t('roi.cashFlow'), t('roi.cumulative'), (n) => t('roi.yearN', { n })) : null),
    [data, t],
  );
  return (
    <Card size="small" title={t('roi.cashFlowChart')} style={{ marginTop: 8 }}>
      {chart && <EChart option={chart} height={260} testId="roi-chart" />}
    </Card>
  );
}
