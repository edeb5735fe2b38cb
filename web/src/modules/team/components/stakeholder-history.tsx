import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stakeholder } from '../../../api/types';
import { SUPPORT_COLOR, supportLabel } from './stakeholder-support';

/** A stakeholder's support assessments, newest first (the table's expanded row). */
export function StakeholderHistory({ stakeholder }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation();
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={[...stakeholder.history]
        .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))
        .map((h) => ({
          color: SUPPORT_COLOR[h.support],
          children: (
            <span>
              {h.assessedOn} · <strong>{supportLabel(t, h.support)}</strong>
              {h.note ? ` — ${h.note}` : ''}
            </span>
          ),
        }))}
    />
  );
}
