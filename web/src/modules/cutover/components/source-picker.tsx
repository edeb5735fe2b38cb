import { DatabaseOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Progress, Radio, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { DataConnection, Upload } from '../../../api/types';
import { toApiError } from '../../../components/use-api';
import type { SourceValue } from '../spec-form';

const ACCEPT = '.csv,.xlsx,.xls,.txt';
const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * One side of a reconciliation: an uploaded file (with an upload button right here) or a saved
 * database connection with a table or a query. A form control: `value`/`onChange`.
 */
export function SourcePicker(props: {
  side: 'left' | 'right';
  projectId: string;
  value?: SourceValue;
  onChange?: (value: SourceValue) => void;
  uploads: Upload[];
  connections: DataConnection[];
  canUpload: boolean;
  onUploaded: (upload: Upload) => void;
  onManageConnections: () => void;
}) {
  const { t } = useTranslation();
  const { side } = props;
  const value = props.value ?? { type: 'upload' };
  const fileInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string>();
  const change = (patch: Partial<SourceValue>) => props.onChange?.({ ...value, ...patch });

  const upload = async (file: File) => {
    setUploadError(undefined);
    setProgress(0);
    try {
      const saved = await api.uploads.upload(props.projectId, file, setProgress);
      props.onUploaded(saved);
      props.onChange?.({ type: 'upload', uploadId: saved.id });
    } catch (cause) {
      setUploadError(toApiError(cause).message);
    } finally {
      setProgress(null);
    }
  };

  const selectedUpload = props.uploads.find((u) => u.id === value.uploadId);
  const isWorkbook = /\.xlsx?$/i.test(selectedUpload?.originalName ?? '');

  return (
    <div data-testid={`source-${side}`}>
      <Radio.Group
        value={value.type}
        onChange={(e) => props.onChange?.({ type: e.target.value as SourceValue['type'], mode: 'table' })}
        style={{ marginBottom: 8 }}
        data-testid={`source-${side}-type`}
      >
        <Radio.Button value="upload" data-testid={`source-${side}-type-upload`}>
          <UploadOutlined /> {t('cutover.source.upload')}
        </Radio.Button>
        <Radio.Button value="connection" data-testid={`source-${side}-type-connection`}>
          <DatabaseOutlined /> {t('cutover.source.connection')}
        </Radio.Button>
      </Radio.Group>
      {value.type === 'upload' ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              showSearch
              allowClear
              optionFilterProp="label"
              style={{ width: '100%' }}
              placeholder={t('cutover.source.pickUpload')}
              data-testid={`source-${side}-upload`}
              value={value.uploadId}
              onChange={(uploadId?: string) => props.onChange?.({ type: 'upload', uploadId })}
              options={props.uploads.map((u) => ({ value: u.id, label: `${u.originalName}（${formatSize(u.size)}）` }))}
              notFoundContent={t('cutover.source.noUploads')}
            />
            {props.canUpload && (
              <Button
                icon={<UploadOutlined />}
                loading={progress !== null}
                onClick={() => fileInput.current?.click()}
                data-testid={`source-${side}-upload-button`}
              >
                {t('cutover.source.uploadButton')}
              </Button>
            )}
          </Space.Compact>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            style={{ display: 'none' }}
            data-testid={`source-${side}-file`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
          {progress !== null && <Progress percent={Math.round(progress * 100)} size="small" data-testid={`source-${side}-progress`} />}
          {uploadError && <Alert type="error" showIcon message={uploadError} data-testid={`source-${side}-upload-error`} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cutover.source.uploadHint')}
          </Typography.Text>
          {isWorkbook && (
            <Input
              placeholder={t('cutover.source.sheetPlaceholder')}
              addonBefore={t('cutover.source.sheet')}
              value={value.sheet}
              onChange={(e) => change({ sheet: e.target.value })}
              data-testid={`source-${side}-sheet`}
            />
          )}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              style={{ width: '100%' }}
              placeholder={t('cutover.source.pickConnection')}
              data-testid={`source-${side}-connection`}
              value={value.connectionId}
              onChange={(connectionId: string) => change({ connectionId })}
              options={props.connections.map((c) => ({ value: c.id, label: `${c.name}（${c.kind}）` }))}
              notFoundContent={t('cutover.connections.empty')}
            />
            <Button onClick={props.onManageConnections} data-testid={`source-${side}-manage-connections`}>
              {t('cutover.connections.manage')}
            </Button>
          </Space.Compact>
          <Radio.Group value={value.mode ?? 'table'} onChange={(e) => change({ mode: e.target.value as 'table' | 'query' })} size="small">
            <Radio value="table">{t('cutover.source.table')}</Radio>
            <Radio value="query">{t('cutover.source.query')}</Radio>
          </Radio.Group>
          {(value.mode ?? 'table') === 'table' ? (
            <Input
              placeholder={t('cutover.source.tablePlaceholder')}
              value={value.table}
              onChange={(e) => change({ table: e.target.value })}
              data-testid={`source-${side}-table`}
            />
          ) : (
            <Input.TextArea
              rows={3}
              placeholder="SELECT …"
              value={value.query}
              onChange={(e) => change({ query: e.target.value })}
              data-testid={`source-${side}-query`}
              style={{ fontFamily: 'monospace' }}
            />
          )}
        </Space>
      )}
    </div>
  );
}
