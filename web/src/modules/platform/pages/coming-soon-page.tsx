import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { AVAILABLE_PHASES, PHASES, type Phase } from '../../../api/types';
import { phaseLabel } from '../../../components/labels';

/** The honest page of a phase whose module is planned but not built yet. */
export default function ComingSoonPage() {
  const { t } = useTranslation();
  const { phase = '', projectId = '' } = useParams();
  if (!(PHASES as readonly string[]).includes(phase)) return <Navigate to={`/projects/${projectId}/overview`} replace />;
  const p = phase as Phase;
  if (AVAILABLE_PHASES.includes(p)) return <Navigate to={`/projects/${projectId}/${p}`} replace />;
  const index = PHASES.indexOf(p) + 1;
  return (
    <Card data-testid={`coming-soon-${p}`}>
      <Result
        icon={<ClockCircleOutlined />}
        title={
          <span>
            {index}. {phaseLabel(t, p)} <Tag color="blue">{t('common.comingSoon')}</Tag>
          </span>
        }
        subTitle={t('comingSoon.notice')}
      />
      <Typography.Title level={5}>{t('comingSoon.whatItWillDo')}</Typography.Title>
      <Typography.Paragraph data-testid="coming-soon-description">{t(`comingSoon.${p}`)}</Typography.Paragraph>
    </Card>
  );
}
