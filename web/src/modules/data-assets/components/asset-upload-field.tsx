import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Progress, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Upload } from '../../../api/types';
import { useProject } from '../../../components/project';

/** The file to register: a choose button (the input itself is hidden), the upload's progress, the file kept. */
export function AssetUploadField({
  upload,
  progress,
  onPick,
}: {
  upload: Upload | null;
  progress: number | null;
  onPick(file: File): Promise<void>;
}) {
  const { t } = useTranslation();
  const { can } = useProject();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <Form.Item label={t('dataAssets.registerForm.file')} extra={t('dataAssets.registerForm.fileHelp')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx"
          style={{ display: 'none' }}
          data-testid="data-asset-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onPick(file);
            e.target.value = '';
          }}
        />
        <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={!can('upload:create')}>
          {t('dataAssets.registerForm.chooseFile')}
        </Button>
        {progress !== null && <Progress percent={Math.round(progress * 100)} size="small" />}
        {upload && (
          <Typography.Text data-testid="data-asset-uploaded">
            {t('dataAssets.registerForm.uploaded', { name: upload.originalName })}
          </Typography.Text>
        )}
      </Space>
    </Form.Item>
  );
}
