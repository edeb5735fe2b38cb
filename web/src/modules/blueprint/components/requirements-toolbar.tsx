import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ERP_MODULES } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { blueprintApi } from '../api';
import { RESOLUTIONS } from '../types';
import type { RequirementsState } from './use-requirements';

/** Above the requirement list: search and filters on the left, create / Excel buttons on the right. */
export function RequirementsToolbar({ list }: { list: RequirementsState }) {
  const { t } = useTranslation();
  const { project, can } = useProject();
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('blueprint.req.search')}
          onChange={(e) => list.setSearch(e.target.value)}
          style={{ width: 220 }}
          data-testid="requirement-search"
        />
        <Select
          allowClear
          placeholder={t('blueprint.field.module')}
          style={{ width: 130 }}
          value={list.moduleFilter}
          onChange={list.setModuleFilter}
          options={ERP_MODULES.map((m) => ({ value: m, label: moduleLabel(t, m) }))}
        />
        <Select
          allowClear
          placeholder={t('blueprint.field.resolution')}
          style={{ width: 140 }}
          value={list.resolutionFilter}
          onChange={list.setResolutionFilter}
          options={RESOLUTIONS.map((r) => ({ value: r, label: t(`blueprint.resolution.${r}`) }))}
        />
      </Space>
      <Space wrap>
        {can('requirement:create') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="requirement-create" onClick={() => list.openForm(null)}>
            {t('blueprint.req.create')}
          </Button>
        )}
        {can('requirement:create') && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void list.runImport(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={list.importing} data-testid="requirement-import">
              {t('blueprint.excel.import')}
            </Button>
          </Upload>
        )}
        <Button icon={<DownloadOutlined />} onClick={list.downloadWith(() => blueprintApi.template(project.id))}>
          {t('blueprint.excel.template')}
        </Button>
        {can('requirement:export') && (
          <Button
            icon={<DownloadOutlined />}
            data-testid="requirement-export"
            onClick={list.downloadWith(() => blueprintApi.exportXlsx(project.id))}
          >
            {t('blueprint.excel.export')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
