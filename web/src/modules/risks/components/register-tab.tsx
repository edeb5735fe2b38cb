import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { toApiError, type ApiState } from '../../../components/use-api';
import { RiskHeatMap, type HeatCell } from './risk-heat-map';
import { isActiveRisk, RISK_LEVEL_HEX } from '../risk-model';
import { risksApi } from '../api';
import { RiskTable } from './risk-table';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, type RiskCategory, type RiskLevel, type RiskStatus, type RiskView } from '../types';

/** 风险登记册: the probability × impact heat map of the active risks, filters, the register table and its export. */
export function RegisterTab(props: {
  projectId: string;
  risks: ApiState<{ items: RiskView[] }>;
  can: (permission: string) => boolean;
  onCreate: () => void;
  onEdit: (risk: RiskView) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<RiskStatus>();
  const [level, setLevel] = useState<RiskLevel>();
  const [category, setCategory] = useState<RiskCategory>();
  const [cell, setCell] = useState<HeatCell | null>(null);
  const [exporting, setExporting] = useState(false);
  const all = useMemo(() => props.risks.data?.items ?? [], [props.risks.data]);

  const shown = useMemo(
    () =>
      all.filter(
        (r) =>
          (!status || r.status === status) &&
          (!level || r.level === level) &&
          (!category || r.category === category) &&
          (!cell || (r.probability === cell.probability && r.impact === cell.impact && isActiveRisk(r.status))),
      ),
    [all, status, level, category, cell],
  );
  const active = all.filter((r) => isActiveRisk(r.status));

  const remove = async (risk: RiskView) => {
    try {
      await risksApi.remove(props.projectId, risk.id);
      message.success(t('common.deleted'));
      props.onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await risksApi.exportXlsx(props.projectId);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="register-tab">
      <ErrorAlert error={props.risks.error} onRetry={() => void props.risks.reload()} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12} xl={10}>
          <Card size="small" title={t('risks.register.heatmap')} style={{ height: '100%' }}>
            <RiskHeatMap risks={all} selected={cell} onSelect={setCell} />
          </Card>
        </Col>
        <Col xs={24} lg={12} xl={14}>
          <Card size="small" title={t('risks.register.summary')} style={{ height: '100%' }}>
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title={t('risks.register.active')} value={active.length} suffix={`/ ${all.length}`} />
              </Col>
              {([...RISK_LEVELS].reverse() as RiskLevel[]).map((l) => (
                <Col span={6} key={l}>
                  <Statistic
                    title={t(`risks.riskLevel.${l}`)}
                    value={active.filter((r) => r.level === l).length}
                    valueStyle={{ color: RISK_LEVEL_HEX[l] }}
                    data-testid={`risk-count-${l}`}
                  />
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('risks.register.matrixHelp')}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('risks.register.overdueCount', { count: active.filter((r) => r.overdue).length })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('risks.field.status')}
            value={status}
            onChange={setStatus}
            data-testid="risk-filter-status"
            options={RISK_STATUSES.map((s) => ({ value: s, label: t(`risks.status.${s}`) }))}
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('risks.register.level')}
            value={level}
            onChange={setLevel}
            data-testid="risk-filter-level"
            options={RISK_LEVELS.map((l) => ({ value: l, label: t(`risks.riskLevel.${l}`) }))}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('risks.field.category')}
            value={category}
            onChange={setCategory}
            data-testid="risk-filter-category"
            options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`risks.category.${c}`) }))}
          />
          {cell && (
            <Tag closable color="blue" onClose={() => setCell(null)} data-testid="risk-filter-cell">
              {t('risks.register.cellFilter', { probability: cell.probability, impact: cell.impact })}
            </Tag>
          )}
          <Typography.Text type="secondary" data-testid="risk-shown-count">
            {t('risks.register.shown', { shown: shown.length, total: all.length })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {props.can('risk:export') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="risk-export">
              {t('risks.register.export')}
            </Button>
          )}
          {props.can('risk:create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate} data-testid="risk-create">
              {t('risks.register.create')}
            </Button>
          )}
        </Space>
      </Space>
      <RiskTable
        risks={shown}
        loading={props.risks.loading}
        canUpdate={props.can('risk:update')}
        canDelete={props.can('risk:delete')}
        onEdit={props.onEdit}
        onDelete={(r) => void remove(r)}
      />
    </div>
  );
}
