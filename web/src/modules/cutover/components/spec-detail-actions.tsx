import { CaretRightOutlined, DeleteOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Popconfirm, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/api';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';

/** A spec's actions, as far as allowed: run now (for an optional business date), edit, export YAML, delete. */
export function SpecDetailActions(props: {
  specId: string;
  editPath: string;
  businessDate: Dayjs | null;
  onBusinessDate: (date: Dayjs | null) => void;
  starting: boolean;
  onRunNow: () => void;
  onRemove: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { project, can } = useProject();
  return (
    <Space wrap>
      {can('reconcile:create') && (
        <Space.Compact>
          <DatePicker
            value={props.businessDate}
            onChange={props.onBusinessDate}
            placeholder={t('cutover.run.businessDatePlaceholder')}
            style={{ width: 190 }}
            data-testid="run-business-date"
          />
          <Button type="primary" icon={<CaretRightOutlined />} loading={props.starting} onClick={props.onRunNow} data-testid="run-now">
            {t('cutover.run.now')}
          </Button>
        </Space.Compact>
      )}
      {can('reconcile:update') && (
        <Button icon={<EditOutlined />} onClick={() => navigate(props.editPath)} data-testid="spec-detail-edit">
          {t('common.edit')}
        </Button>
      )}
      <Button
        icon={<ExportOutlined />}
        onClick={() => void api.cutover.exportSpecYaml(project.id, props.specId).catch((e) => message.error(toApiError(e).message))}
      >
        {t('cutover.detail.exportYaml')}
      </Button>
      {can('reconcile:delete') && (
        <Popconfirm
          title={t('cutover.detail.deleteConfirm')}
          onConfirm={() => props.onRemove()}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      )}
    </Space>
  );
}
