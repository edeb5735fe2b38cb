import { Menu, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PHASES } from '../../../api/types';
import { phaseLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import EnvironmentSection from '../components/environment-section';
import ProbePage from './probe-page';
import ProcessMapsSection from '../components/process-maps-section';
import ReportSection from '../components/report-section';
import RolesSection from '../components/roles-section';

const DataAssetsPage = lazy(() => import('../../data-assets/pages/data-assets-page'));

/** Sections of 调研, in menu order. */
export const ASSESSMENT_SECTIONS = ['processes', 'roles', 'environment', 'data-assets', 'report', 'probe'] as const;
type Section = (typeof ASSESSMENT_SECTIONS)[number];
const SECTION_KEY: Record<Section, string> = {
  processes: 'processes',
  roles: 'roles',
  environment: 'environment',
  'data-assets': 'dataAssets',
  report: 'report',
  probe: 'probe',
};
/** Who sees which section: the probe is for every member; the rest follows the read rights. */
const SECTION_PERMISSION: Record<Section, string> = {
  processes: 'process:read',
  roles: 'assessment:read',
  environment: 'assessment:read',
  'data-assets': 'data_asset:read',
  report: 'assessment:read',
  probe: 'probe:create',
};

/** 3. 调研: the assessment section with its sub-navigation. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/projects/${project.id}/assessment`;
  const visible = ASSESSMENT_SECTIONS.filter((s) => can(SECTION_PERMISSION[s]));
  const current = ASSESSMENT_SECTIONS.find((s) => location.pathname.startsWith(`${base}/${s}`)) ?? visible[0] ?? 'probe';

  useEffect(() => {
    document.title = `${project.name} · ${phaseLabel(t, 'assessment')}`;
  }, [project.name, t]);

  return (
    <div data-testid="assessment-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {PHASES.indexOf('assessment') + 1}. {phaseLabel(t, 'assessment')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('assessment.intro')}</Typography.Paragraph>
      <Menu
        mode="horizontal"
        data-testid="assessment-nav"
        selectedKeys={[current]}
        onClick={({ key }) => navigate(`${base}/${key}`)}
        style={{ marginBottom: 16 }}
        items={visible.map((s) => ({
          key: s,
          label: <span data-testid={`assessment-nav-${s}`}>{t(`assessment.section.${SECTION_KEY[s]}`)}</span>,
        }))}
      />
      <Suspense fallback={<Spin />}>
        <Routes>
          <Route index element={<Navigate to={visible[0] ?? 'probe'} replace />} />
          <Route path="processes" element={<ProcessMapsSection stage="as_is" />} />
          <Route path="roles" element={<RolesSection />} />
          <Route path="environment" element={<EnvironmentSection />} />
          <Route path="data-assets/*" element={<DataAssetsPage />} />
          <Route path="report" element={<ReportSection />} />
          <Route path="probe" element={<ProbePage />} />
          <Route path="*" element={<Navigate to={visible[0] ?? 'probe'} replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}
