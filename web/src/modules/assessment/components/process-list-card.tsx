import { PlusOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import type { ProcessMaps } from './use-process-maps';

/** The process list, grouped by department, with the new / import buttons. */
export function ProcessListCard({ maps, onCreate, onImport }: { maps: ProcessMaps; onCreate(): void; onImport(): void }) {
  const { t } = useTranslation();
  const { can } = useProject();
  const { list, processes, departments, currentId } = maps;
  return (
    <Card
      size="small"
      title={t('assessment.process.list')}
      extra={
        can('process:create') && (
          <Space size={4}>
            <Tooltip title={t('assessment.process.import')}>
              <Button size="small" icon={<UploadOutlined />} onClick={onImport} data-testid="process-import" />
            </Tooltip>
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="process-new">
              {t('assessment.process.new')}
            </Button>
          </Space>
        )
      }
    >
      {list.loading && !list.data ? (
        <Spin />
      ) : processes.length === 0 ? (
        <Empty description={t('assessment.process.empty')} />
      ) : (
        departments.map(([department, items]) => (
          <div key={department} style={{ marginBottom: 12 }} data-testid={`process-dept-${department}`}>
            <Typography.Text type="secondary" strong>
              {department}
            </Typography.Text>
            <List
              size="small"
              dataSource={items}
              renderItem={(p) => (
                <List.Item
                  data-testid={`process-item-${p.name}`}
                  onClick={() => maps.select(p.id)}
                  style={{ cursor: 'pointer', background: p.id === currentId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                >
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <span>{p.name}</span>
                    <Space size={4} wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('assessment.process.stepCount', { count: p.steps.filter((s) => !s.type.endsWith('Event')).length })}
                      </Typography.Text>
                      {p.bottleneckCount > 0 && (
                        <Tag color="red" style={{ fontSize: 11 }}>
                          {t('assessment.process.bottleneckCount', { count: p.bottleneckCount })}
                        </Tag>
                      )}
                      {p.orphanedCount > 0 && <WarningOutlined style={{ color: '#d48806' }} />}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </div>
        ))
      )}
    </Card>
  );
}
