import { DeleteOutlined, EditOutlined, LineChartOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Progress, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../api/types';
import { formatNumber } from '../../../components/format';
import { moduleLabel } from '../../../components/labels';
import { SmartStatus } from './smart-status';

/** The goal table's columns: statement, SMART check, KPI, deadline, owner, module, progress and the row actions. */
export function useGoalColumns(props: {
  canUpdate: boolean;
  canDelete: boolean;
  onOpen: (goal: Goal) => void;
  onEdit: (goal: Goal) => void;
  onRemove: (goal: Goal) => Promise<void>;
}): TableColumnsType<Goal> {
  const { t } = useTranslation();
  return [
    {
      title: t('goals.statement'),
      dataIndex: 'statement',
      width: 260,
      render: (v: string, g) => (
        <a onClick={() => props.onOpen(g)} data-testid="goal-open">
          {v}
        </a>
      ),
    },
    { title: t('goals.smart'), width: 320, render: (_, g) => <SmartStatus goal={g} /> },
    {
      title: t('goals.kpi'),
      width: 200,
      render: (_, g) =>
        g.kpiName ? (
          <span>
            {g.kpiName}
            {g.kpiUnit ? `（${g.kpiUnit}）` : ''}
            <br />
            <Typography.Text type="secondary">
              {formatNumber(g.baseline)} → {formatNumber(g.target)}
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('goals.deadline'), dataIndex: 'deadline', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('goals.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: t('goals.module'), dataIndex: 'module', width: 90, render: (v: string | null) => moduleLabel(t, v) },
    {
      title: t('goals.progress'),
      dataIndex: 'progress',
      width: 140,
      render: (v: number | null) => (v === null ? '—' : <Progress percent={Math.round(v * 100)} size="small" />),
    },
    {
      title: t('common.actions'),
      width: 130,
      fixed: 'right',
      render: (_, g) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<LineChartOutlined />}
            onClick={() => props.onOpen(g)}
            aria-label={t('goals.detail')}
            data-testid="goal-detail"
          />
          {props.canUpdate && (
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              data-testid="goal-edit"
              onClick={() => props.onEdit(g)}
            />
          )}
          {props.canDelete && (
            <Popconfirm
              title={t('common.deleteConfirm')}
              onConfirm={() => props.onRemove(g)}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
