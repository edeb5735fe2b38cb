import { Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEAM_TIERS, type Member } from '../../../api/types';
import { formatNumber } from '../../../components/format';
import { roleLabel, tierLabel } from '../../../components/labels';

/** The method's governance structure: who sits in which tier. */
export function GovernanceView({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const known = new Set<string>(TEAM_TIERS);
  const tiers = [...TEAM_TIERS, ...new Set(members.map((m) => m.tier).filter((x) => !known.has(x)))];
  return (
    <Row gutter={[16, 16]} data-testid="governance">
      {tiers.map((tier) => {
        const inTier = members.filter((m) => m.tier === tier);
        const fte = inTier.reduce((sum, m) => sum + m.allocationPct / 100, 0);
        return (
          <Col key={tier} xs={24} md={12} xl={8}>
            <Card
              size="small"
              data-testid={`tier-${tier}`}
              title={tierLabel(t, tier)}
              extra={
                <Typography.Text type="secondary">
                  {t('team.tierCount', { count: inTier.length, fte: formatNumber(fte, 1) })}
                </Typography.Text>
              }
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t(`tierDescription.${tier}`, { defaultValue: '' })}
              </Typography.Paragraph>
              {inTier.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('team.tierEmpty')} />
              ) : (
                <List
                  size="small"
                  dataSource={inTier}
                  renderItem={(m) => (
                    <List.Item>
                      <List.Item.Meta title={m.name} description={[m.title, m.department, m.organization].filter(Boolean).join(' · ')} />
                      <Tag>{roleLabel(t, m.projectRole)}</Tag>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
