import { App, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../api/api';
import { PHASES, type Member } from '../../../api/types';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { HealthTab } from '../components/health-tab';
import { RegisterTab } from '../components/register-tab';
import { draftFromIndicator } from '../risk-model';
import { RiskFormModal } from '../components/risk-form-modal';
import { risksApi } from '../api';
import { SettingsTab } from '../components/settings-tab';
import type { CreateRiskInput, DimensionView, IndicatorView, RiskView } from '../types';

const TABS = ['health', 'register', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** 风险预警: project health from the early warnings (避坑指南), the risk register and the warning thresholds. */
export default function RisksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'health';
  const mayEdit = can('risk:create') || can('risk:update');

  // Server messages are localized: evaluate again when the language changes.
  const health = useApi(() => risksApi.health(project.id), [project.id, i18n.language]);
  const risks = useApi(() => risksApi.list(project.id), [project.id]);
  const members = useApi(
    () => (mayEdit ? api.team.members(project.id).catch(() => ({ items: [] as Member[] })) : Promise.resolve({ items: [] as Member[] })),
    [project.id, mayEdit],
  );
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<RiskView | null>(null);
  const [draft, setDraft] = useState<CreateRiskInput | null>(null);
  // How the form names the warning a new line is raised from (the server names it once saved).
  const [draftSource, setDraftSource] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${project.name} · ${t('risks.title')}`;
  }, [project.name, t]);

  const { reload: reloadHealth } = health;
  const { reload: reloadRisks } = risks;
  const reloadAll = useCallback(() => {
    void reloadRisks();
    void reloadHealth();
  }, [reloadRisks, reloadHealth]);

  const openForm = (risk: RiskView | null, prefill: CreateRiskInput | null, prefillSource: string | null = null) => {
    setEditing(risk);
    setDraft(prefill);
    setDraftSource(prefillSource);
    setFormOpen(true);
  };
  const raise = (indicator: IndicatorView, dimension: DimensionView) =>
    openForm(null, draftFromIndicator(indicator, dimension), `${dimension.title} · ${indicator.title}`);

  return (
    <div data-testid="risks-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {PHASES.indexOf('risks') + 1}. {t('risks.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('risks.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'health' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'health',
            label: <span data-testid="tab-health">{t('risks.tabHealth')}</span>,
            children: <HealthTab projectId={project.id} health={health} canCreate={can('risk:create')} onRaise={raise} />,
          },
          {
            key: 'register',
            label: <span data-testid="tab-register">{t('risks.tabRegister')}</span>,
            children: (
              <RegisterTab
                projectId={project.id}
                risks={risks}
                can={can}
                onCreate={() => openForm(null, null)}
                onEdit={(r) => openForm(r, null)}
                onChanged={reloadAll}
              />
            ),
          },
          {
            key: 'settings',
            label: <span data-testid="tab-settings">{t('risks.tabSettings')}</span>,
            children: <SettingsTab projectId={project.id} canEdit={can('project:update')} onSaved={() => void reloadHealth()} />,
          },
        ]}
      />
      <RiskFormModal
        projectId={project.id}
        open={formOpen}
        risk={editing}
        draft={draft}
        draftSource={draftSource}
        members={members.data?.items ?? []}
        onClose={() => setFormOpen(false)}
        onSaved={(saved) => {
          setFormOpen(false);
          message.success(editing ? t('risks.form.updated', { code: saved.code }) : t('risks.form.created', { code: saved.code }));
          reloadAll();
        }}
      />
    </div>
  );
}
