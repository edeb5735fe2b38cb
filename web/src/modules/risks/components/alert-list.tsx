import { CheckCircleOutlined } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { codeTestId } from '../risk-model';
import { SignalTag } from './signal-tag';
import type { DimensionView, IndicatorView } from '../types';

/** The indicators at warning or critical, worst first; a click scrolls to the indicator in its dimension. */
export function AlertList({ alerts, dimensions }: { alerts: IndicatorView[]; dimensions: DimensionView[] }) {
  const { t } = useTranslation();
  const titles = new Map(dimensions.map((d) => [d.code, d.title]));
  if (alerts.length === 0) {
    return (
      <Typography.Text type="success" data-testid="alerts-none">
        <CheckCircleOutlined /> {t('risks.health.noAlerts')}
      </Typography.Text>
    );
  }
  const reveal = (code: string) =>
    document.getElementById(`indicator-${codeTestId(code)}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  return (
    <List
      size="small"
      data-testid="alert-list"
      dataSource={alerts}
      style={{ maxHeight: 260, overflowY: 'auto' }}
      renderItem={(a) => (
        <List.Item key={a.code} data-testid={`alert-${codeTestId(a.code)}`} data-level={a.level} style={{ paddingInline: 0 }}>
          <div style={{ minWidth: 0 }}>
            <Space size={6} wrap>
              <SignalTag level={a.level} />
              {a.isNew && (
                <Tag color="magenta" data-testid="alert-new">
                  {t('risks.health.new')}
                </Tag>
              )}
              <Typography.Text type="secondary">{titles.get(a.dimension) ?? a.dimension}</Typography.Text>
              <a onClick={() => reveal(a.code)}>{a.title}</a>
            </Space>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: a.message }} style={{ margin: '2px 0 0' }}>
              {a.message}
            </Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}
