import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  FileSearchOutlined,
  ReadOutlined,
  RocketOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Tag, type MenuProps } from 'antd';
import { Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/api';
import { AVAILABLE_PHASES, PHASES, type Phase } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { phaseLabel } from '../../../components/labels';
import { PageSpinner } from '../../../components/page-spinner';
import { ProjectContext, type ProjectContextValue } from '../../../components/project';
import { useShellTitle } from '../../../components/shell-title';
import { setDisplayTimeZone } from '../../../components/time-zone';
import { useApi } from '../../../components/use-api';

// A full record, so a phase added to PHASES cannot appear without an icon.
const PHASE_ICONS: Record<Phase, React.ReactNode> = {
  goals: <AimOutlined />,
  team: <TeamOutlined />,
  assessment: <FileSearchOutlined />,
  blueprint: <ApartmentOutlined />,
  rollout: <DeploymentUnitOutlined />,
  training: <ReadOutlined />,
  cutover: <RocketOutlined />,
  operations: <CustomerServiceOutlined />,
  risks: <AlertOutlined />,
};

/** A project's pages: left navigation of the nine phases, and the project context. */
export default function ProjectLayout() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const access = useApi(() => api.projects.access(projectId).catch(() => ({ role: '', allowed: [] as string[] })), [projectId]);
  useShellTitle(project.data?.name ?? null);

  const allowed = useMemo(() => new Set(access.data?.allowed ?? []), [access.data]);
  const { reload: reloadProjectData } = project;
  const reloadProject = useCallback(async () => {
    await reloadProjectData();
  }, [reloadProjectData]);

  // formatDateTime() callers outside React state read the zone from here; set before the pages render.
  if (project.data) setDisplayTimeZone(project.data.timeZone);
  const context = useMemo<ProjectContextValue | null>(
    () =>
      project.data
        ? {
            project: project.data,
            role: access.data?.role || project.data.myRole,
            can: (permission: string) => allowed.has(permission),
            reloadProject,
          }
        : null,
    [project.data, access.data, allowed, reloadProject],
  );

  const base = `/projects/${projectId}`;
  // A phase's sub-pages (…/cutover/dual-run/…) keep the phase selected.
  const availablePrefix = AVAILABLE_PHASES.map((phase) => `${base}/${phase}`).find((key) => location.pathname.startsWith(`${key}/`));
  const selectedKey = availablePrefix ?? location.pathname;
  const items: MenuProps['items'] = [
    { key: `${base}/overview`, icon: <DashboardOutlined />, label: <span data-testid="nav-overview">{t('nav.overview')}</span> },
    {
      type: 'group',
      key: 'phases',
      label: t('nav.phasesGroup'),
      children: PHASES.map((phase, index) => {
        const available = AVAILABLE_PHASES.includes(phase);
        return {
          key: available ? `${base}/${phase}` : `${base}/phase/${phase}`,
          icon: PHASE_ICONS[phase],
          label: (
            <span data-testid={`nav-${phase}`} data-available={available ? 'true' : 'false'}>
              {index + 1}. {phaseLabel(t, phase)}
              {!available && (
                <Tag style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '18px', paddingInline: 4 }} data-testid={`nav-${phase}-soon`}>
                  {t('common.comingSoon')}
                </Tag>
              )}
            </span>
          ),
        };
      }),
    },
    {
      type: 'group',
      key: 'platform',
      label: t('nav.platformGroup'),
      children: [
        { key: `${base}/audit`, icon: <AuditOutlined />, label: <span data-testid="nav-audit">{t('nav.audit')}</span> },
        { key: `${base}/permissions`, icon: <SafetyOutlined />, label: <span data-testid="nav-permissions">{t('nav.permissions')}</span> },
      ],
    },
  ];

  return (
    <Layout>
      <Layout.Sider width={256} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
        <Menu
          mode="inline"
          data-testid="phase-nav"
          selectedKeys={[selectedKey]}
          items={items}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 'none', paddingTop: 8 }}
        />
      </Layout.Sider>
      <Layout.Content style={{ padding: 24, minWidth: 0 }}>
        <ErrorAlert error={project.error} onRetry={() => void project.reload()} />
        {context ? (
          <ProjectContext.Provider value={context}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </ProjectContext.Provider>
        ) : (
          !project.error && <PageSpinner />
        )}
      </Layout.Content>
    </Layout>
  );
}
