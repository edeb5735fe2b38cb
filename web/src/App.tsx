import { App as AntApp, ConfigProvider, Result } from 'antd';
// The ES builds export the locale object itself (the CJS entry's default is a { default } wrapper under rolldown).
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './components/auth';
import { PageSpinner } from './components/PageSpinner';
import { AppShell } from './modules/platform/AppShell';

const LoginPage = lazy(() => import('./modules/platform/LoginPage'));
const ProjectListPage = lazy(() => import('./modules/platform/ProjectListPage'));
const TokensPage = lazy(() => import('./modules/platform/TokensPage'));
const ProjectLayout = lazy(() => import('./modules/platform/ProjectLayout'));
const OverviewPage = lazy(() => import('./modules/platform/OverviewPage'));
const AuditPage = lazy(() => import('./modules/platform/AuditPage'));
const PermissionsPage = lazy(() => import('./modules/platform/PermissionsPage'));
const ComingSoonPage = lazy(() => import('./modules/platform/ComingSoonPage'));
const GoalsPage = lazy(() => import('./modules/goals/GoalsPage'));
const TeamPage = lazy(() => import('./modules/team/TeamPage'));
const CutoverPage = lazy(() => import('./modules/cutover/CutoverPage'));
const AssessmentPage = lazy(() => import('./modules/assessment/AssessmentPage'));
const BlueprintPage = lazy(() => import('./modules/blueprint/BlueprintPage'));
const RisksPage = lazy(() => import('./modules/risks/RisksPage'));

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
