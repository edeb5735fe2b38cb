import { FlagOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { codeTestId, isRaisable } from '../risk-model';
import { SignalTag } from './signal-tag';
import type { IndicatorView } from '../types';

/** One early-warning indicator: level, finding, evidence pages, and its register line or the button that raises one. */
export function IndicatorItem(props: {
  projectId: string;
  indicator: IndicatorView;
  canCreate: boolean;
  onRaise: (i: IndicatorView) => void;
}) {
  const { t } = useTranslation();
  const { indicator: i, projectId } = props;
  const id = codeTestId(i.code);
  const base = `/projects/${projectId}`;
  return (
    <div
      id={`indicator-${id}`}
      data-testid={`indicator-${id}`}
      data-level={i.level}
      data-risk={i.riskCode ?? ''}
      style={{ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '10px 0', borderTop: '1px solid #f0f0f0' }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={6} wrap>
          <SignalTag level={i.level} testId={`indicator-level-${id}`} />
          <Typography.Text strong>{i.title}</Typography.Text>
          {i.isNew && <Tag color="magenta">{t('risks.health.new')}</Tag>}
        </Space>
        <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid={`indicator-message-${id}`}>
          {i.message}
        </Typography.Paragraph>
        {i.evidence.length > 0 && (
          <Space size={12} wrap style={{ marginTop: 2 }}>
            {i.evidence.map((e) =>
              e.href ? (
                <Link key={`${e.label}-${e.href}`} to={`${base}/${e.href}`} data-testid="indicator-evidence">
                  <LinkOutlined /> {e.label}
                </Link>
              ) : (
                <Typography.Text key={e.label} type="secondary">
                  {e.label}
                </Typography.Text>
              ),
            )}
          </Space>
        )}
      </div>
      <div style={{ flex: 'none' }}>
        {i.riskCode ? (
          <Link to={`${base}/risks?tab=register`}>
            <Tag color="blue" icon={<FlagOutlined />} data-testid={`indicator-risk-${id}`}>
              {t('risks.health.registered', { code: i.riskCode })}
            </Tag>
          </Link>
        ) : (
          props.canCreate &&
          isRaisable(i.level) && (
            <Button size="small" icon={<FlagOutlined />} data-testid={`register-risk-${id}`} onClick={() => props.onRaise(i)}>
              {t('risks.health.raise')}
            </Button>
          )
        )}
      </div>
    </div>
  );
}
