import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import type { EnvSite } from '../types';
import { StatusTag } from './status-tag';
import type { EvaluationRow } from './use-environment';

/**
 * Columns of the evaluation table: the requirement, then one column per site whose header carries
 * the site's overall status and its edit / delete buttons.
 */
export function useEvaluationColumns({
  sites,
  onEdit,
  onDelete,
}: {
  sites: EnvSite[];
  onEdit(site: EnvSite): void;
  onDelete(site: EnvSite): Promise<void>;
}): TableColumnsType<EvaluationRow> {
  const { t } = useTranslation();
  const { can } = useProject();
  return [
    { title: t('assessment.env.item'), key: 'label', render: (_: unknown, r) => r.req.label, fixed: 'left' },
    ...sites.map((site, si) => ({
      key: site.id,
      title: (
        <Space size={4}>
          <span>{site.name}</span>
          <StatusTag status={site.status} testId={`site-status-${site.name}`} />
          {can('assessment:update') && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(site)} />}
          {can('assessment:delete') && (
            <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => onDelete(site)}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} />
            </Popconfirm>
          )}
        </Space>
      ),
      render: (_: unknown, r: EvaluationRow) => {
        const result = r.results[si];
        if (!result) return null;
        return (
          <Space size={4}>
            <StatusTag status={result.status} tip={`${result.requirement}：${result.message}`} />
            <span>{result.value ?? '—'}</span>
          </Space>
        );
      },
    })),
  ];
}
