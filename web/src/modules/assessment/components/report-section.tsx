import { DownloadOutlined, EyeOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { ReportVersion } from '../types';

/** 现状分析报告: versions (frozen data), HTML preview and DOCX download. */
export default function ReportSection() {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const { message, modal } = App.useApp();
  const versions = useApi(() => assessmentApi.reports(project.id), [project.id]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ title: string; url: string } | null>(null);

  const create = async (force = false) => {
    setBusy(true);
    try {
      const created = await assessmentApi.createReport(project.id, note.trim(), force);
      setNote('');
      message.success(t('assessment.report.created', { label: created.label }));
      await versions.reload();
    } catch (cause) {
      const error = toApiError(cause);
      // Empty chapters (no process, role or site): the PM decides whether such a version is worth keeping.
      if (error.code === 'REPORT_SECTIONS_MISSING' && !force) {
        modal.confirm({
          title: t('assessment.report.missingTitle'),
          content: (
            <div data-testid="report-missing">
              <Typography.Paragraph>{error.message}</Typography.Paragraph>
              <ul>
                {error.details.map((d) => (
                  <li key={d.field}>{d.reason}</li>
                ))}
              </ul>
              <Typography.Paragraph type="secondary">{t('assessment.report.missingHint')}</Typography.Paragraph>
            </div>
          ),
          okText: t('assessment.report.missingConfirm'),
          okButtonProps: { id: 'report-missing-confirm' },
          onOk: () => create(true),
        });
      } else message.error(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-testid="assessment-report" title={t('assessment.report.title')}>
      <Typography.Paragraph type="secondary">{t('assessment.report.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {can('assessment:create') && (
          <>
            <Input
              style={{ width: 280 }}
              placeholder={t('assessment.report.notePlaceholder')}
              value={note}
              maxLength={1000}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={() => void create()} data-testid="report-create">
              {t('assessment.report.create')}
            </Button>
          </>
        )}
        <Button
          icon={<EyeOutlined />}
          onClick={() => setPreview({ title: t('assessment.report.draft'), url: assessmentApi.draftHtmlUrl(project.id) })}
        >
          {t('assessment.report.previewDraft')}
        </Button>
      </Space>
      <ErrorAlert error={versions.error} onRetry={() => void versions.reload()} />
      <Table<ReportVersion>
        rowKey="id"
        size="small"
        loading={versions.loading}
        dataSource={versions.data ?? []}
        pagination={false}
        data-testid="report-versions"
        locale={{ emptyText: t('assessment.report.empty') }}
        columns={[
          { title: t('assessment.report.version'), dataIndex: 'label', render: (v: string) => <strong>{v}</strong> },
          { title: t('assessment.report.createdAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
          { title: t('assessment.report.createdBy'), dataIndex: 'createdBy' },
          {
            title: t('assessment.report.contents'),
            key: 'contents',
            render: (_: unknown, v) =>
              t('assessment.report.contentsText', {
                processes: v.processCount,
                bottlenecks: v.bottleneckCount,
                roles: v.roleCount,
                sites: v.siteCount,
                assets: v.dataAssetCount,
              }),
          },
          { title: t('assessment.report.note'), dataIndex: 'note' },
          {
            key: 'actions',
            render: (_: unknown, v) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EyeOutlined />}
                  onClick={() => setPreview({ title: v.label, url: assessmentApi.reportHtmlUrl(project.id, v.id) })}
                >
                  {t('assessment.report.preview')}
                </Button>
                {can('assessment:export') && (
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      assessmentApi.downloadReport(project.id, v.id).catch((cause: unknown) => message.error(toApiError(cause).message))
                    }
                  >
                    DOCX
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={preview !== null}
        title={preview?.title}
        onCancel={() => setPreview(null)}
        footer={null}
        width="90%"
        style={{ top: 24 }}
        destroyOnHidden
      >
        {preview && (
          <iframe
            title={preview.title}
            src={preview.url}
            style={{ width: '100%', height: '78vh', border: 0 }}
            data-testid="report-preview"
          />
        )}
      </Modal>
    </Card>
  );
}
