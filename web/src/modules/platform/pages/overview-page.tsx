import { Card, Col, Descriptions, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../api/api';
import { AVAILABLE_PHASES, PHASES } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatNumber } from '../../../components/format';
import { moduleLabel, phaseLabel, roleLabel } from '../../../components/labels';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { HealthSummaryCard } from '../../risks/components/health-summary-card';

/** Project dashboard: the figures that tell whether the rollout is on track. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const { project, role, can } = useProject();
  const dashboard = useApi(() => api.projects.dashboard(project.id), [project.id, project.updatedAt]);

  useEffect(() => {
    document.title = `${project.name} · ${t('nav.overview')}`;
  }, [project.name, t]);

  const d = dashboard.data;
  const base = `/projects/${project.id}`;
  const phasesAvailable = new Set(d ? d.phases.filter((p) => p.available).map((p) => p.phase) : AVAILABLE_PHASES);

  return (
    <div data-testid="overview-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {project.name}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('project.clientName')}>{project.clientName}</Descriptions.Item>
        <Descriptions.Item label={t('project.erp')}>{`${project.erpProduct} ${project.erpVersion}`.trim()}</Descriptions.Item>
        <Descriptions.Item label={t('project.myRole')}>{role ? roleLabel(t, role) : t('project.adminAccess')}</Descriptions.Item>
        <Descriptions.Item label={t('project.startDate')}>{project.startDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('project.plannedGoLive')}>{project.plannedGoLive ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('project.modulesInScope')}>
          {/* Descriptions lays its content out as a non-wrapping inline flex: long English module names overflowed 1440 px. */}
          {project.modulesInScope.length ? (
            <div style={{ display: 'flex', flexWrap: 'wrap', rowGap: 4 }}>
              {project.modulesInScope.map((m) => (
                <Tag key={m}>{moduleLabel(t, m)}</Tag>
              ))}
            </div>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.reload()} />
      {!d && !dashboard.error && <PageSpinner />}
      {d && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} lg={8}>
              <Card>
                <Statistic
                  data-testid="stat-days-to-golive"
                  title={t('overview.daysToGoLive')}
                  value={d.daysToGoLive ?? '—'}
                  suffix={d.daysToGoLive !== null ? t('overview.days') : undefined}
                  valueStyle={d.daysToGoLive !== null && d.daysToGoLive < 0 ? { color: '#cf1322' } : undefined}
                />
                {d.daysToGoLive === null && <Typography.Text type="secondary">{t('overview.noGoLive')}</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Card>
                <Statistic data-testid="stat-goals" title={t('overview.goalsSmart')} value={d.goals.smart} suffix={`/ ${d.goals.total}`} />
                <Link to={`${base}/goals`}>{t('overview.openGoals')}</Link>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Card>
                <Typography.Text type="secondary">{t('overview.averageProgress')}</Typography.Text>
                <div style={{ marginTop: 8 }} data-testid="stat-progress">
                  {d.goals.averageProgress === null ? (
                    <Typography.Text type="secondary">{t('overview.noMeasurements')}</Typography.Text>
                  ) : (
                    <Progress percent={Math.round(d.goals.averageProgress * 100)} />
                  )}
                </div>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Card>
                <Statistic
                  data-testid="stat-team"
                  title={t('overview.teamSize')}
                  value={d.team.members}
                  suffix={t('overview.fte', { fte: formatNumber(d.team.fteTotal, 1) })}
                />
                <Link to={`${base}/team`}>{t('overview.openTeam')}</Link>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Card>
                <Statistic
                  data-testid="stat-raci"
                  title={t('overview.raciIssues')}
                  value={d.raci.withoutAccountable}
                  suffix={`/ ${d.raci.deliverables}`}
                  valueStyle={d.raci.withoutAccountable > 0 ? { color: '#d46b08' } : undefined}
                />
                <Typography.Text type="secondary">{t('overview.raciHint')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Card>
                <Statistic
                  data-testid="stat-resisting"
                  title={t('overview.resisting')}
                  value={d.stakeholders.resisting}
                  suffix={`/ ${d.stakeholders.total}`}
                  valueStyle={d.stakeholders.resisting > 0 ? { color: '#cf1322' } : undefined}
                />
                <Typography.Text type="secondary">{t('overview.resistingHint')}</Typography.Text>
              </Card>
            </Col>
            {can('risk:read') && (
              <Col xs={24} sm={12} lg={8}>
                <HealthSummaryCard projectId={project.id} />
              </Col>
            )}
          </Row>
          <Card title={t('overview.phases')} style={{ marginTop: 16 }}>
            <Row gutter={[8, 8]}>
              {PHASES.map((phase, i) => (
                <Col key={phase} xs={12} md={8} lg={6} xl={4}>
                  <Link to={phasesAvailable.has(phase) ? `${base}/${phase}` : `${base}/phase/${phase}`}>
                    {i + 1}. {phaseLabel(t, phase)}
                  </Link>{' '}
                  {!phasesAvailable.has(phase) && <Tag>{t('common.comingSoon')}</Tag>}
                </Col>
              ))}
            </Row>
          </Card>
        </>
      )}
    </div>
  );
}
