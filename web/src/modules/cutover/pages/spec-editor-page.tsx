import { Alert, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import { ConnectionsDrawer } from '../components/connections-drawer';
import { SourcePicker } from '../components/source-picker';
import { SpecComparisonCard } from '../components/spec-comparison-card';
import { SpecScheduleCard } from '../components/spec-schedule-card';
import { newSpecValues, toSourceRef, type SourceValue } from '../spec-form';
import { useSpecEditor } from '../use-spec-editor';

/** Create or edit a reconciliation spec: sources, key, column mapping, rules, aggregates, schedule, webhook. */
export function SpecEditorPage() {
  const { t } = useTranslation();
  const { specId } = useParams();
  const { project, can } = useProject();
  const editor = useSpecEditor(specId);
  const { form, spec, uploads, connections, mapping } = editor;
  const [connectionsOpen, setConnectionsOpen] = useState(false);

  if (!editor.ready) return spec.error ? <ErrorAlert error={spec.error} onRetry={() => void spec.reload()} /> : <PageSpinner />;

  const required = [{ required: true, message: t('validation.required') }];
  const sourceRule = {
    validator: (_: unknown, v: SourceValue | undefined) =>
      toSourceRef(v) ? Promise.resolve() : Promise.reject(new Error(t('cutover.source.incomplete'))),
  };
  const pickerProps = {
    projectId: project.id,
    uploads: uploads.data?.items ?? [],
    connections: connections.data?.items ?? [],
    canUpload: can('upload:create'),
    onUploaded: editor.onUploaded,
    onManageConnections: () => setConnectionsOpen(true),
  };

  return (
    <div data-testid="spec-editor">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {specId ? t('cutover.editor.editTitle', { name: spec.data?.name ?? '' }) : t('cutover.editor.createTitle')}
      </Typography.Title>
      {editor.error && <Alert type="error" showIcon message={editor.error} style={{ marginBottom: 12 }} data-testid="spec-form-error" />}
      <Form form={form} layout="vertical" initialValues={newSpecValues()} onFinish={() => void editor.submit()} data-testid="spec-form">
        <Card size="small" title={t('cutover.editor.basics')} style={{ marginBottom: 16 }}>
          <Form.Item name="name" label={t('cutover.spec.name')} rules={required} style={{ maxWidth: 480 }}>
            <Input maxLength={100} placeholder={t('cutover.spec.namePlaceholder')} data-testid="spec-name" />
          </Form.Item>
        </Card>

        <Card size="small" title={t('cutover.editor.sources')} style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <Form.Item name="left" label={t('cutover.side.leftLong')} rules={[sourceRule]}>
                <SourcePicker side="left" {...pickerProps} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="right" label={t('cutover.side.rightLong')} rules={[sourceRule]}>
                <SourcePicker side="right" {...pickerProps} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <SpecComparisonCard
          columns={mapping.columns}
          suggesting={mapping.suggesting}
          suggestError={mapping.suggestError}
          canSuggest={!!mapping.sourcesKey}
          onSuggest={() => void mapping.suggest(true)}
        />

        <SpecScheduleCard specId={specId} webhookBusy={editor.webhookBusy} onSendTest={() => void editor.sendTestWebhook()} />

        <Space>
          <Button type="primary" htmlType="submit" loading={editor.busy} data-testid="spec-submit">
            {t('common.save')}
          </Button>
          <Button onClick={editor.cancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
      <ConnectionsDrawer
        projectId={project.id}
        open={connectionsOpen}
        connections={connections.data?.items ?? []}
        canCreate={can('connection:create')}
        canUpdate={can('connection:update')}
        canDelete={can('connection:delete')}
        onClose={() => setConnectionsOpen(false)}
        onChanged={() => connections.reload()}
      />
    </div>
  );
}
