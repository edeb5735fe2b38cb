import { App as AntApp, ConfigProvider, Result } from 'antd';
// The ES builds export the locale object itself (the CJS entry's default is a { default } wrapper under rolldown).
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './components/auth';
import { PageSpinner } from './components/page-spinner';
import { AppShell } from './modules/platform/components/app-shell';

const LoginPage = lazy(() => import('./modules/platform/pages/login-page'));
const ProjectListPage = lazy(() => import('./modules/platform/pages/project-list-page'));
const TokensPage = lazy(() => import('./modules/platform/pages/tokens-page'));
const ProjectLayout = lazy(() => import('./modules/platform/components/project-layout'));
const OverviewPage = lazy(() => import('./modules/platform/pages/overview-page'));
const AuditPage = lazy(() => import('./modules/platform/pages/audit-page'));
const PermissionsPage = lazy(() => import('./modules/platform/pages/permissions-page'));
const ComingSoonPage = lazy(() => import('./modules/platform/pages/coming-soon-page'));
const GoalsPage = lazy(() => import('./modules/goals/pages/goals-page'));
const TeamPage = lazy(() => import('./modules/team/pages/team-page'));
const CutoverPage = lazy(() => import('./modules/cutover/pages/cutover-page'));
const AssessmentPage = lazy(() => import('./modules/assessment/pages/assessment-page'));
const BlueprintPage = lazy(() => import('./modules/blueprint/pages/blueprint-page'));
const RisksPage = lazy(() => import('./modules/risks/pages/risks-page'));

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<Link to="/projects">{t('nav.projects')}</Link>} />;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <AuthProvider>
          <Suspense fallback={<PageSpinner />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<AppShell />}>
                <Route path="/" element={<Navigate to="/projects" replace />} />
                <Route path="/projects" element={<ProjectListPage />} />
                <Route path="/account/tokens" element={<TokensPage />} />
                <Route path="/projects/:projectId" element={<ProjectLayout />}>
                  <Route index element={<Navigate to="overview" replace />} />
                  <Route path="overview" element={<OverviewPage />} />
                  <Route path="goals" element={<GoalsPage />} />
                  <Route path="team" element={<TeamPage />} />
                  <Route path="assessment/*" element={<AssessmentPage />} />
                  <Route path="blueprint/*" element={<BlueprintPage />} />
                  <Route path="cutover/*" element={<CutoverPage />} />
                  <Route path="risks/*" element={<RisksPage />} />
                  <Route path="phase/:phase" element={<ComingSoonPage />} />
                  <Route path="audit" element={<AuditPage />} />
                  <Route path="permissions" element={<PermissionsPage />} />
                </Route>
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </Suspense>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
