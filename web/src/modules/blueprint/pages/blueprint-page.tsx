import { Alert, Menu, Result, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PHASES } from '../../../api/types';
import { phaseLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { blueprintApi } from '../api';
import { RequirementsSection } from '../components/requirements-section';
import type { RequirementList } from '../types';
import { VersionsSection } from '../components/versions-section';

const ProcessMapsSection = lazy(() => import('../../assessment/components/process-maps-section'));
const PermissionMatrixSection = lazy(() => import('../../erp-permissions/components/permission-matrix-section'));

/** Sub-sections of 蓝图, in the method's order. */
export const BLUEPRINT_SECTIONS = ['requirements', 'to-be', 'permissions', 'versions'] as const;
const SECTION_KEY: Record<(typeof BLUEPRINT_SECTIONS)[number], string> = {
  requirements: 'requirements',
  'to-be': 'toBe',
  permissions: 'permissions',
  versions: 'versions',
};

const EMPTY: RequirementList = {
  items: [],
  meter: {
    thresholds: { maxCustomShare: 0.1, maxCustomEffortDays: 60 },
    modules: [],
    overall: {
      module: 'all',
      total: 0,
      custom: 0,
      customShare: 0,
      totalEffortDays: 0,
      customEffortDays: 0,
      customEffortShare: 0,
      overShare: false,
      overEffort: false,
    },
    warnings: [],
  },
  blockers: [],
};

/** 4. 蓝图: fit-gap requirements, to-be processes, permission matrix, versions and sign-off. */
export default function BlueprintPage() {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/projects/${project.id}/blueprint`;
  const current = BLUEPRINT_SECTIONS.find((s) => location.pathname.startsWith(`${base}/${s}`)) ?? 'requirements';
  const canRead = can('requirement:read');
  const requirements = useApi(() => (canRead ? blueprintApi.list(project.id) : Promise.resolve(EMPTY)), [project.id, canRead]);

  useEffect(() => {
    document.title = `${project.name} · ${phaseLabel(t, 'blueprint')}`;
  }, [project.name, t]);

  const warnings = requirements.data?.meter.warnings ?? [];
  const fallback = <Spin style={{ display: 'block', margin: '48px auto' }} />;

  return (
    <div data-testid="blueprint-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {PHASES.indexOf('blueprint') + 1}. {phaseLabel(t, 'blueprint')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('blueprint.intro')}</Typography.Paragraph>
      {warnings.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="over-customisation"
          style={{ marginBottom: 12 }}
          message={t('blueprint.meter.warningTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {warnings.map((w) => (
                <li key={`${w.module}-${w.kind}`}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Menu
        mode="horizontal"
        data-testid="blueprint-nav"
        selectedKeys={[current]}
        onClick={({ key }) => navigate(`${base}/${key}`)}
        style={{ marginBottom: 16 }}
        items={BLUEPRINT_SECTIONS.map((s) => ({
          key: s,
          label: <span data-testid={`blueprint-nav-${s}`}>{t(`blueprint.nav.${SECTION_KEY[s]}`)}</span>,
        }))}
      />
      <Suspense fallback={fallback}>
        <Routes>
          <Route index element={<Navigate to="requirements" replace />} />
          <Route
            path="requirements"
            element={canRead ? <RequirementsSection state={requirements} /> : <Result status="403" subTitle={t('blueprint.noAccess')} />}
          />
          <Route path="to-be" element={<ProcessMapsSection stage="to_be" />} />
          <Route path="permissions/*" element={<PermissionMatrixSection />} />
          <Route
            path="versions"
            element={
              can('blueprint:read') ? (
                <VersionsSection onChanged={() => void requirements.reload()} />
              ) : (
                <Result status="403" subTitle={t('blueprint.noAccess')} />
              )
            }
          />
          <Route path="*" element={<Navigate to="requirements" replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}
