import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RACI_LETTERS, type RaciLetter } from '../../../api/types';

/** One colour per RACI letter, shared by the legend and the grid's cells. */
export const LETTER_COLOR: Record<RaciLetter, string> = { R: '#1677ff', A: '#d4380d', C: '#389e0d', I: '#8c8c8c' };

/** What R, A, C and I stand for, in their colours. */
export function RaciLegend() {
  const { t } = useTranslation();
  return (
    <Space size={12} style={{ marginBottom: 8 }} wrap>
      {RACI_LETTERS.map((l) => (
        <span key={l}>
          <Tag color={LETTER_COLOR[l]}>{l}</Tag>
          {t(`raci.letter.${l}`)}
        </span>
      ))}
    </Space>
  );
}
