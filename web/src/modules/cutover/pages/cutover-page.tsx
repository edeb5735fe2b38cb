import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Menu, Result, Tag, Typography } from 'antd';
import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { PHASES } from '../../../api/types';
import { phaseLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { SpecDetailPage } from './spec-detail-page';
import { SpecEditorPage } from './spec-editor-page';
import { SpecListPage } from './spec-list-page';

const MigrationPage = lazy(() => import('../../migration/pages/migration-page'));
const GoNoGoPage = lazy(() => import('../../go-live/pages/go-no-go-page'));

/** Sections of 上线; 双轨运行, 数据迁移 and 上线决策 are built. */
export const CUTOVER_SECTIONS = ['dual-run', 'migration', 'go-no-go', 'hypercare'] as const;
type Section = (typeof CUTOVER_SECTIONS)[number];
const BUILT: readonly Section[] = ['dual-run', 'migration', 'go-no-go'];
const SECTION_KEY: Record<Section, string> = {
  'dual-run': 'dualRun',
  migration: 'migration',
  'go-no-go': 'goNoGo',
  hypercare: 'hypercare',
};

function ComingSection() {
  const { t } = useTranslation();
  const { section = '' } = useParams();
  if (!(CUTOVER_SECTIONS as readonly string[]).includes(section) || BUILT.includes(section as Section)) {
    return <Navigate to="../dual-run" replace />;
  }
  const key = SECTION_KEY[section as Section];
  return (
    <Card data-testid={`cutover-coming-${section}`}>
      <Result
        icon={<ClockCircleOutlined />}
        title={
          <span>
            {t(`cutover.section.${key}`)} <Tag color="blue">{t('common.comingSoon')}</Tag>
          </span>
        }
        subTitle={t('cutover.sectionComingNotice')}
      />
      <Typography.Paragraph data-testid="cutover-coming-description">{t(`cutover.sectionDescription.${key}`)}</Typography.Paragraph>
    </Card>
  );
}

/** 7. 上线: the cutover section with its sub-navigation. */
export default function CutoverPage() {
  const { t } = useTranslation();
  const { project } = useProject();
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/projects/${project.id}/cutover`;
  const current = CUTOVER_SECTIONS.find((s) => location.pathname.startsWith(`${base}/${s}`)) ?? 'dual-run';

  useEffect(() => {
    document.title = `${project.name} · ${phaseLabel(t, 'cutover')}`;
  }, [project.name, t]);

  return (
    <div data-testid="cutover-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {PHASES.indexOf('cutover') + 1}. {phaseLabel(t, 'cutover')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cutover.intro')}</Typography.Paragraph>
      <Menu
        mode="horizontal"
        data-testid="cutover-nav"
        selectedKeys={[current]}
        onClick={({ key }) => navigate(`${base}/${key}`)}
        style={{ marginBottom: 16 }}
        items={CUTOVER_SECTIONS.map((s) => ({
          key: s,
          label: (
            <span data-testid={`cutover-nav-${s}`} data-available={BUILT.includes(s) ? 'true' : 'false'}>
              {t(`cutover.section.${SECTION_KEY[s]}`)}
              {!BUILT.includes(s) && (
                <Tag style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '18px', paddingInline: 4 }}>{t('common.comingSoon')}</Tag>
              )}
            </span>
          ),
        }))}
      />
      <Routes>
        <Route index element={<Navigate to="dual-run" replace />} />
        <Route path="dual-run" element={<SpecListPage />} />
        <Route path="dual-run/new" element={<SpecEditorPage />} />
        <Route path="dual-run/:specId/edit" element={<SpecEditorPage />} />
        <Route path="dual-run/:specId" element={<SpecDetailPage />} />
        <Route path="migration/*" element={<MigrationPage />} />
        <Route path="go-no-go" element={<GoNoGoPage />} />
        <Route path=":section/*" element={<ComingSection />} />
      </Routes>
    </div>
  );
}
