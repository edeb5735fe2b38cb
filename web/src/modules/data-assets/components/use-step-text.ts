import { useTranslation } from 'react-i18next';
import type { CleanseStep, DataAsset } from '../types';

/** How a cleansing step reads in the recipe table (its columns, case, mapping or dedupe keys). */
export function useStepText() {
  const { t } = useTranslation();
  return (step: CleanseStep, assets: DataAsset[]): string => {
    const cols = (c: string[]) => (c.length ? c.join('、') : t('dataAssets.cleansing.allColumns'));
    switch (step.kind) {
      case 'trim':
      case 'half_width':
      case 'date':
        return cols(step.columns ?? []);
      case 'case':
        return `${cols(step.columns ?? [])} → ${t(`dataAssets.cleansing.case.${step.to}`)}`;
      case 'map':
        return t('dataAssets.cleansing.mapText', {
          column: step.column,
          pairs: (step.pairs ?? []).length,
          dataset: step.dataset ? (assets.find((a) => a.id === step.dataset?.datasetId)?.name ?? step.dataset.datasetId) : '—',
        });
      case 'dedupe':
        return t('dataAssets.cleansing.dedupeText', {
          keys: step.keyColumns.join(' + '),
          survivor: t(`dataAssets.cleansing.survivor.${step.survivor}`),
          order: step.orderColumn ?? '',
        });
    }
  };
}
