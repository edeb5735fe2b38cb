import { Card, Col, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReconcileRun, ReconcileSummary } from '../../../api/types';
import { formatNumber } from '../../../components/format';

function Stat(props: { id: string; title: string; value: number; danger?: boolean; hint?: string }) {
  return (
    <Card size="small" data-testid={`stat-${props.id}`} data-value={props.value}>
      <Statistic
        title={props.hint ? <Tooltip title={props.hint}>{props.title}</Tooltip> : props.title}
        value={props.value}
        formatter={(v) => formatNumber(Number(v), 0)}
        valueStyle={props.danger && props.value > 0 ? { color: '#cf1322' } : undefined}
      />
    </Card>
  );
}

/** A finished run's counts: rows per side, matched, changed, one-sided, key problems, differences, and tracking. */
export function RunSummaryCards({ run, summary }: { run: ReconcileRun; summary: ReconcileSummary }) {
  const { t } = useTranslation();
  const s = summary;
  const stats: { id: string; title: string; value: number; danger?: boolean }[] = [
    { id: 'left-rows', title: t('cutover.summary.leftRows'), value: s.left_rows },
    { id: 'right-rows', title: t('cutover.summary.rightRows'), value: s.right_rows },
    { id: 'matched', title: t('cutover.summary.matched'), value: s.matched },
    { id: 'changed', title: t('cutover.summary.changed'), value: s.changed, danger: true },
    { id: 'only-left', title: t('cutover.summary.onlyLeft'), value: s.only_left, danger: true },
    { id: 'only-right', title: t('cutover.summary.onlyRight'), value: s.only_right, danger: true },
    {
      id: 'duplicate-keys',
      title: t('cutover.summary.duplicateKeys'),
      value: s.duplicate_keys_left + s.duplicate_keys_right,
      danger: true,
    },
    { id: 'null-keys', title: t('cutover.summary.nullKeys'), value: s.null_keys_left + s.null_keys_right, danger: true },
    { id: 'differences', title: t('cutover.summary.differences'), value: run.differencesTotal, danger: true },
    { id: 'unexplained', title: t('cutover.summary.unexplained'), value: run.unexplained, danger: true },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="run-summary">
      {stats.map((stat) => (
        <Col key={stat.id} xs={12} md={8} xl={4} xxl={4}>
          <Stat {...stat} />
        </Col>
      ))}
      <Col xs={24} xl={8}>
        <Card size="small" style={{ height: '100%' }}>
          <Typography.Text type="secondary">{t('cutover.summary.tracking')}</Typography.Text>
          <div style={{ marginTop: 6 }} data-testid="run-tracking">
            <Tag color="red">{t('cutover.summary.new', { count: run.newCount })}</Tag>
            <Tag color="orange">{t('cutover.summary.open', { count: run.openCount })}</Tag>
            <Tag color="green">{t('cutover.summary.resolved', { count: run.resolvedCount })}</Tag>
          </div>
          {s.duplicate_keys_left + s.duplicate_keys_right + s.null_keys_left + s.null_keys_right > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cutover.summary.keysDetail', {
                dl: s.duplicate_keys_left,
                dr: s.duplicate_keys_right,
                nl: s.null_keys_left,
                nr: s.null_keys_right,
              })}
            </Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
