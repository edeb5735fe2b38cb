import { GraphChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/echart';
import type { MigrationCategory, MigrationPlan } from '../types';

echarts.use([GraphChart]);

const COLORS: Record<MigrationCategory, string> = {
  master: '#1677ff',
  opening: '#13c2c2',
  open_transactions: '#fa8c16',
  history: '#8c8c8c',
};

/** The dependency graph: directed edges, columns by dependency level, nodes in load order. */
export function PlanGraph({ plan }: { plan: MigrationPlan }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const rowInLevel = new Map<number, number>();
    const nodes = plan.order.map((o) => {
      const row = rowInLevel.get(o.level) ?? 0;
      rowInLevel.set(o.level, row + 1);
      return {
        id: o.id,
        name: `${o.seq}. ${o.name}`,
        x: o.level * 220,
        y: row * 90,
        symbolSize: 18,
        itemStyle: { color: COLORS[o.category], opacity: o.ready ? 1 : 0.45 },
        label: { show: true, position: 'bottom' as const, fontSize: 13 },
        category: o.category,
      };
    });
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const data = (p as { dataType?: string; data: { name?: string; category?: MigrationCategory } }).data;
          return data.category ? `${data.name ?? ''}<br/>${t(`migration.category.${data.category}`)}` : '';
        },
      },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          data: nodes,
          edges: plan.edges.map((e) => ({ source: e.from, target: e.to })),
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 10,
          lineStyle: { color: '#999', width: 1.5, curveness: 0.1 },
        },
      ],
    };
  }, [plan, t]);
  const height = Math.max(220, Math.max(1, ...countPerLevel(plan)) * 90 + 80);
  return <EChart option={option} height={height} testId="migration-graph" />;
}

function countPerLevel(plan: MigrationPlan): number[] {
  const counts = new Map<number, number>();
  for (const o of plan.order) counts.set(o.level, (counts.get(o.level) ?? 0) + 1);
  return [...counts.values()];
}
