import { CheckCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIFF_STATUSES, type DifferenceFilter } from '../../../api/types';
import { diffStatusLabel } from '../../../components/labels';

/** Filters over a run's differences (status, column, key, explained, tracking) and, when allowed, explain / undo for the selection. */
export function DifferenceFilters(props: {
  filter: DifferenceFilter;
  columns: string[];
  onFilter: (patch: Partial<DifferenceFilter>) => void;
  canExplain: boolean;
  selectedCount: number;
  undoing: boolean;
  onExplain: () => void;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  const { filter, onFilter } = props;
  const [keyText, setKeyText] = useState('');
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="diff-filters">
      <Select
        allowClear
        size="small"
        style={{ width: 150 }}
        placeholder={t('cutover.diff.status')}
        value={filter.status}
        onChange={(status) => onFilter({ status })}
        options={DIFF_STATUSES.map((s) => ({ value: s, label: diffStatusLabel(t, s) }))}
        data-testid="diff-filter-status"
      />
      <Select
        allowClear
        showSearch
        size="small"
        style={{ width: 160 }}
        placeholder={t('cutover.diff.column')}
        value={filter.column}
        onChange={(column) => onFilter({ column })}
        options={props.columns.map((c) => ({ value: c, label: c }))}
        data-testid="diff-filter-column"
      />
      <Input.Search
        allowClear
        size="small"
        style={{ width: 200 }}
        placeholder={t('cutover.diff.keyContains')}
        value={keyText}
        onChange={(e) => setKeyText(e.target.value)}
        onSearch={(v) => onFilter({ key: v.trim() || undefined })}
        data-testid="diff-filter-key"
      />
      <Select
        allowClear
        size="small"
        style={{ width: 130 }}
        placeholder={t('cutover.diff.explained')}
        value={filter.explained}
        onChange={(explained) => onFilter({ explained })}
        options={[
          { value: 'yes', label: t('cutover.diff.explainedYes') },
          { value: 'no', label: t('cutover.diff.explainedNo') },
        ]}
        data-testid="diff-filter-explained"
      />
      <Select
        allowClear
        size="small"
        style={{ width: 130 }}
        placeholder={t('cutover.diff.track')}
        value={filter.track}
        onChange={(track) => onFilter({ track })}
        options={[
          { value: 'new', label: t('cutover.diff.trackNew') },
          { value: 'open', label: t('cutover.diff.trackOpen') },
        ]}
        data-testid="diff-filter-track"
      />
      {props.canExplain && (
        <>
          <Button
            size="small"
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={props.selectedCount === 0}
            data-testid="diff-explain"
            onClick={props.onExplain}
          >
            {t('cutover.explain.button', { count: props.selectedCount })}
          </Button>
          <Button
            size="small"
            icon={<UndoOutlined />}
            disabled={props.selectedCount === 0}
            loading={props.undoing}
            onClick={props.onUndo}
            data-testid="diff-unexplain"
          >
            {t('cutover.explain.undo')}
          </Button>
        </>
      )}
    </Space>
  );
}
