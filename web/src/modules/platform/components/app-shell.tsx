import { KeyOutlined, LogoutOutlined, ProjectOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../components/auth';
import { ShellTitleContext } from '../../../components/shell-title';
import { PageSpinner } from '../../../components/page-spinner';
import { LanguageSwitch } from './language-switch';

/** Header (brand, current project, language, user menu) around every signed-in page. */
export function AppShell() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const [title, setTitle] = useState<string | null>(null);

  if (!user) return <PageSpinner />;

  return (
    <ShellTitleContext.Provider value={setTitle}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: '0 20px',
          }}
        >
          <Link to="/projects" style={{ fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }} data-testid="brand">
            {t('app.brand')}
          </Link>
          {title && (
            <Typography.Text strong ellipsis style={{ maxWidth: 420 }} data-testid="header-project-name">
              / {title}
            </Typography.Text>
          )}
          <div style={{ flex: 1 }} />
          <Space size="middle">
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'projects', icon: <ProjectOutlined />, label: t('nav.projects') },
                  { key: 'tokens', icon: <KeyOutlined />, label: <span data-testid="menu-tokens">{t('nav.tokens')}</span> },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('auth.signOut')}</span> },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') void signOut();
                  else if (key === 'tokens') navigate('/account/tokens');
                  else navigate('/projects');
                },
              }}
            >
              <Button icon={<UserOutlined />} data-testid="user-menu">
                {user.name}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout>
    </ShellTitleContext.Provider>
  );
}
