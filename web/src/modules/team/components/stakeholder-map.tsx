import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, Stakeholder } from '../../../api/types';
import { EChart } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { AssessmentModal } from './assessment-modal';
import { StakeholderFormModal } from './stakeholder-form-modal';
import { StakeholderHistory } from './stakeholder-history';
import { stakeholderMapOption } from './stakeholder-map-option';
import { useStakeholderColumns } from './use-stakeholder-columns';
import { useStakeholders } from './use-stakeholders';

/** Stakeholders: the influence × support map beside the list, with the dialogs to add, edit and assess them. */
export function StakeholderMap({
  projectId,
  members,
  canCreate,
  canUpdate,
  canDelete,
}: {
  projectId: string;
  members: Member[];
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const s = useStakeholders(projectId);
  const { stakeholders, items } = s;
  const option = useMemo(() => stakeholderMapOption(items, t), [items, t]);
  const columns = useStakeholderColumns({ canUpdate, canDelete, onAssess: s.openAssessment, onEdit: s.openForm, onRemove: s.remove });

  return (
    <div data-testid="stakeholders">
      <ErrorAlert error={stakeholders.error} onRetry={() => void stakeholders.reload()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('stakeholders.mapTitle')}>
            <EChart option={option} height={400} testId="stakeholder-chart" renderer="svg" />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('stakeholders.intro')}</Typography.Text>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => s.openForm('new')} data-testid="stakeholder-add">
                {t('stakeholders.add')}
              </Button>
            )}
          </Space>
          <Table<Stakeholder>
            rowKey="id"
            size="small"
            loading={stakeholders.loading}
            dataSource={items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="stakeholder-table"
            locale={{ emptyText: t('stakeholders.empty') }}
            expandable={{ expandedRowRender: (row) => <StakeholderHistory stakeholder={row} /> }}
            columns={columns}
          />
        </Col>
      </Row>

      <StakeholderFormModal
        editing={s.editing}
        form={s.form}
        members={members}
        busy={s.busy}
        error={s.error}
        onCancel={s.closeForm}
        onFinish={s.save}
      />
      <AssessmentModal
        assessing={s.assessing}
        form={s.assessForm}
        busy={s.busy}
        error={s.error}
        onCancel={s.closeAssessment}
        onFinish={s.assess}
      />
    </div>
  );
}
