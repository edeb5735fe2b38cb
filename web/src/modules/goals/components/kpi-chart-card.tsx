import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Measurement } from '../../../api/types';
import { EChart, type ChartOption } from '../../../components/echart';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A time-axis tick as a calendar day (ECharts hands the tick as epoch milliseconds in local time). */
export function formatDayTick(value: number): string {
  const d = new Date(value);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The chart: actual KPI values over time against baseline and target. */
export function kpiChartOption(
  goal: Goal,
  measurements: Measurement[],
  labels: { actual: string; baseline: string; target: string },
): ChartOption {
  const points = [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)).map((m) => [m.measuredOn, m.value]);
  const markLines: { name: string; yAxis: number; lineStyle: { color: string; type: 'dashed' | 'solid' }; label: { formatter: string } }[] =
    [];
  if (goal.baseline !== null)
    markLines.push({
      name: labels.baseline,
      yAxis: goal.baseline,
      lineStyle: { color: '#8c8c8c', type: 'dashed' },
      label: { formatter: `${labels.baseline} ${goal.baseline}` },
    });
  if (goal.target !== null)
    markLines.push({
      name: labels.target,
      yAxis: goal.target,
      lineStyle: { color: '#52c41a', type: 'solid' },
      label: { formatter: `${labels.target} ${goal.target}` },
    });
  const values = [...points.map((p) => Number(p[1])), ...markLines.map((m) => m.yAxis)];
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (goal.kpiUnit ? `${String(v)} ${goal.kpiUnit}` : String(v)) },
    // containLabel keeps the value labels and the unit (drawn above the axis, left-aligned) inside the chart.
    grid: { left: 16, right: 110, top: 40, bottom: 16, containLabel: true },
    xAxis: {
      type: 'time',
      // A KPI is measured per day: never a tick between two days, labels as dates.
      minInterval: DAY_MS,
      axisLabel: { formatter: formatDayTick, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: goal.kpiUnit ?? '',
      nameLocation: 'end',
      nameGap: 14,
      nameTextStyle: { align: 'left' },
      min: Math.floor(min - pad),
      max: Math.ceil(max + pad),
    },
    series: [
      {
        name: labels.actual,
        type: 'line',
        data: points,
        symbolSize: 8,
        markLine: { symbol: 'none', data: markLines, label: { position: 'end' } },
      },
    ],
  };
}

/** The KPI chart card of the goal drawer; empty until there is a measurement, a baseline or a target to draw. */
export function KpiChartCard({ goal, items }: { goal: Goal; items: Measurement[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => kpiChartOption(goal, items, { actual: t('goals.actual'), baseline: t('goals.baseline'), target: t('goals.target') }),
    [goal, items, t],
  );
  return (
    <Card size="small" title={t('goals.chartTitle')} style={{ marginBottom: 16 }}>
      {items.length === 0 && goal.baseline === null && goal.target === null ? (
        <Empty description={t('goals.noMeasurements')} />
      ) : (
        <EChart option={option} height={300} testId="kpi-chart" renderer="svg" />
      )}
    </Card>
  );
}
