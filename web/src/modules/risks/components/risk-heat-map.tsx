import { useTranslation } from 'react-i18next';
import { heatCounts, RISK_LEVEL_HEX, riskLevelOfScore } from '../risk-model';
import type { RiskView } from '../types';

export interface HeatCell {
  probability: number;
  impact: number;
}

const SCALE = [1, 2, 3, 4, 5];
const CELL = 52;
const AXIS = 24;

/**
 * The 5 × 5 probability × impact matrix of the active risks (open, mitigating): each cell holds its
 * count and is coloured by level (≥ 15 high, ≥ 8 medium, else low). A click selects the cell.
 */
export function RiskHeatMap(props: { risks: RiskView[]; selected: HeatCell | null; onSelect: (cell: HeatCell | null) => void }) {
  const { t } = useTranslation();
  const counts = heatCounts(props.risks);
  const isSelected = (p: number, i: number) => props.selected?.probability === p && props.selected.impact === i;
  return (
    <div data-testid="risk-heatmap" style={{ display: 'inline-block' }}>
      <div style={{ display: 'grid', gridTemplateColumns: `${AXIS}px repeat(5, ${CELL}px)`, gap: 3 }}>
        <div style={{ gridColumn: '1 / span 6', color: '#595959', fontSize: 12 }}>{t('risks.field.probability')} ↑</div>
        {[...SCALE].reverse().map((p) => [
          <div key={`p-${p}`} style={{ alignSelf: 'center', textAlign: 'center', color: '#8c8c8c' }}>
            {p}
          </div>,
          ...SCALE.map((i) => {
            const count = counts.get(`${p}-${i}`) ?? 0;
            const color = RISK_LEVEL_HEX[riskLevelOfScore(p * i)];
            const selected = isSelected(p, i);
            return (
              <button
                key={`${p}-${i}`}
                type="button"
                data-testid={`heatmap-cell-${p}-${i}`}
                data-count={count}
                data-selected={selected ? 'true' : 'false'}
                aria-pressed={selected}
                title={t('risks.register.heatCellTitle', { probability: p, impact: i, score: p * i, count })}
                onClick={() => props.onSelect(selected ? null : { probability: p, impact: i })}
                style={{
                  width: CELL,
                  height: CELL - 12,
                  border: selected ? '2px solid #1677ff' : '1px solid transparent',
                  borderRadius: 4,
                  cursor: 'pointer',
                  background: color,
                  opacity: count ? 1 : 0.22,
                  color: count ? '#fff' : '#262626',
                  fontWeight: count ? 700 : 400,
                  fontSize: 15,
                }}
              >
                {count || ''}
              </button>
            );
          }),
        ])}
        <div />
        {SCALE.map((i) => (
          <div key={`i-${i}`} style={{ textAlign: 'center', color: '#8c8c8c' }}>
            {i}
          </div>
        ))}
        <div />
        <div style={{ gridColumn: '2 / span 5', textAlign: 'center', color: '#595959', fontSize: 12 }}>{t('risks.field.impact')} →</div>
      </div>
    </div>
  );
}
