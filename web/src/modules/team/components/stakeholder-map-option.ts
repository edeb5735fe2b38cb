import type { TFunction } from 'i18next';
import type { Stakeholder } from '../../../api/types';
import type { ChartOption } from '../../../components/echart';
import { SUPPORT_COLOR, supportLabel } from './stakeholder-support';

/** Height (in influence units) of the bands above and below the grid that hold the quadrant titles. */
const QUADRANT_TITLE_BAND = 0.6;

/** The map: x = support (1 against … 5 champion), y = influence; quadrants say how to engage. */
export function stakeholderMapOption(items: Stakeholder[], t: TFunction): ChartOption {
  // Spread points that share a cell so every name stays readable.
  const seen = new Map<string, number>();
  const data = items
    .filter((s) => s.support !== null)
    .map((s) => {
      const cell = `${s.support}|${s.influence}`;
      const n = seen.get(cell) ?? 0;
      seen.set(cell, n + 1);
      const angle = n * 2.1;
      const r = n === 0 ? 0 : 0.18 + 0.04 * n;
      return {
        name: s.name,
        value: [(s.support ?? 0) + r * Math.cos(angle), s.influence + r * Math.sin(angle)],
        itemStyle: { color: SUPPORT_COLOR[s.support ?? 3] },
        support: s.support,
        influence: s.influence,
        org: s.organization,
      };
    });
  // Quadrant titles sit in a band above (top quadrants) or below (bottom quadrants) the 1–5 grid where
  // no point can be, so a name never lands on a title.
  const quadrant = (name: string, x0: number, x1: number, y0: number, y1: number, color: string) => [
    {
      name,
      xAxis: x0,
      yAxis: y0,
      itemStyle: { color },
      label: { position: y1 > 3 ? 'insideTop' : 'insideBottom', color: '#595959', fontSize: 12 },
    },
    { xAxis: x1, yAxis: y1 },
  ];
  const axis = (name: string, nameGap: number, band: number) => ({
    type: 'value',
    min: 0.5 - band,
    max: 5.5 + band,
    interval: 0.5,
    name,
    nameLocation: 'middle',
    nameGap,
    splitLine: { show: false },
    axisLabel: { formatter: (v: number) => (Number.isInteger(v) && v >= 1 && v <= 5 ? String(v) : '') },
  });
  return {
    grid: { left: 56, right: 72, top: 24, bottom: 48 },
    tooltip: {
      formatter: (p: { data: { name: string; support: number; influence: number; org: string } }) =>
        `<b>${escapeHtml(p.data.name)}</b>${p.data.org ? ` · ${escapeHtml(p.data.org)}` : ''}<br/>${escapeHtml(t('stakeholders.support'))}: ${escapeHtml(
          supportLabel(t, p.data.support),
        )}<br/>${escapeHtml(t('stakeholders.influence'))}: ${p.data.influence}`,
    },
    xAxis: axis(t('stakeholders.support'), 28, 0),
    yAxis: axis(t('stakeholders.influence'), 32, QUADRANT_TITLE_BAND),
    series: [
      {
        // The quadrants, drawn behind the points.
        type: 'scatter',
        silent: true,
        z: 1,
        data: [],
        markArea: {
          silent: true,
          data: [
            quadrant(t('stakeholders.quadrant.convert'), 0.5, 3, 3, 5.5 + QUADRANT_TITLE_BAND, 'rgba(255,77,79,0.08)'),
            quadrant(t('stakeholders.quadrant.leverage'), 3, 5.5, 3, 5.5 + QUADRANT_TITLE_BAND, 'rgba(82,196,26,0.08)'),
            quadrant(t('stakeholders.quadrant.monitor'), 0.5, 3, 0.5 - QUADRANT_TITLE_BAND, 3, 'rgba(250,173,20,0.08)'),
            quadrant(t('stakeholders.quadrant.inform'), 3, 5.5, 0.5 - QUADRANT_TITLE_BAND, 3, 'rgba(22,119,255,0.06)'),
          ],
        },
      },
      {
        type: 'scatter',
        z: 5,
        symbolSize: 18,
        data,
        itemStyle: { opacity: 1, borderColor: '#fff', borderWidth: 1 },
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 12, color: '#262626' },
        // Names of people in the same cell would overlap: ECharts shifts them apart vertically.
        labelLayout: { moveOverlap: 'shiftY' },
        labelLine: { show: true, lineStyle: { color: '#bfbfbf' } },
      },
    ],
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
