import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIGNAL_TAG } from '../risk-model';
import type { SignalLevel } from '../types';

/** 正常 / 关注 / 预警 / 严重 / 无数据 as a coloured tag. */
export function SignalTag({ level, testId }: { level: SignalLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SIGNAL_TAG[level]} data-testid={testId} data-level={level} style={{ marginInlineEnd: 0 }}>
      {t(`risks.signal.${level}`)}
    </Tag>
  );
}
