import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { ProbeResultsCard } from './probe-results-card';
import { ProfileCard } from './profile-card';
import { SiteModal } from './site-modal';
import { useEnvironment, type EvaluationRow } from './use-environment';
import { useEvaluationColumns } from './use-evaluation-columns';

/** Technical environment check: requirement profile, sites with facts, pass / warn / fail, probe results. */
export default function EnvironmentSection() {
  const { t } = useTranslation();
  const { can } = useProject();
  const { env, probes, canReadProbes, profile, sites, rows, siteEditing, setSiteEditing, deleteSite, deleteProbe, siteSaved } =
    useEnvironment();
  const columns = useEvaluationColumns({ sites, onEdit: setSiteEditing, onDelete: deleteSite });

  return (
    <div data-testid="assessment-environment">
      <ErrorAlert error={env.error} onRetry={() => void env.reload()} />
      <ProfileCard
        items={profile}
        isDefault={env.data?.profile.isDefault ?? true}
        canEdit={can('assessment:update')}
        onChanged={env.reload}
      />
      <Card
        size="small"
        title={t('assessment.env.evaluation')}
        style={{ marginBottom: 16 }}
        extra={
          can('assessment:create') && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setSiteEditing('new')} data-testid="site-new">
              {t('assessment.env.newSite')}
            </Button>
          )
        }
      >
        <Table<EvaluationRow>
          size="small"
          rowKey={(r) => r.req.metric}
          pagination={false}
          loading={env.loading}
          dataSource={rows}
          data-testid="env-evaluation"
          scroll={{ x: true }}
          columns={columns}
        />
      </Card>
      {canReadProbes && <ProbeResultsCard probes={probes} onDelete={deleteProbe} />}
      <SiteModal site={siteEditing} profile={profile} onClose={() => setSiteEditing(null)} onSaved={siteSaved} />
    </div>
  );
}
