import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import type { ProbeResult } from '../types';
import { StatusTag } from './status-tag';

/** Columns of the browser probe results; the delete column only for who may delete probes. */
export function useProbeColumns(onDelete: (probe: ProbeResult) => Promise<void>): TableColumnsType<ProbeResult> {
  const { t } = useTranslation();
  const { can } = useProject();
  return [
    {
      title: t('assessment.probe.user'),
      dataIndex: 'submittedBy',
      render: (v: string, p) => (p.siteName ? `${v}（${p.siteName}）` : v),
    },
    { title: t('assessment.probe.browser'), key: 'browser', render: (_: unknown, p) => `${p.browserName} ${p.browserVersion}` },
    { title: t('assessment.probe.os'), dataIndex: 'osName' },
    {
      title: t('assessment.probe.screen'),
      key: 'screen',
      render: (_: unknown, p) => `${p.screenWidth}×${p.screenHeight} @${p.devicePixelRatio}x`,
    },
    { title: t('assessment.probe.rtt'), dataIndex: 'rttMedianMs', align: 'right' },
    { title: t('assessment.probe.download'), dataIndex: 'downloadMbps', align: 'right', render: (v: number | null) => v ?? '—' },
    {
      title: t('assessment.probe.result'),
      key: 'status',
      render: (_: unknown, p) => (
        <Space size={2} wrap>
          {p.items.map((i) => (
            <StatusTag key={i.metric} status={i.status} tip={`${i.label}：${i.value ?? '—'}（${i.requirement}）`} />
          ))}
        </Space>
      ),
    },
    { title: t('assessment.probe.measuredAt'), dataIndex: 'measuredAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
    ...(can('probe:delete')
      ? [
          {
            key: 'actions',
            width: 50,
            render: (_: unknown, p: ProbeResult) => (
              <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => onDelete(p)}>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
}
