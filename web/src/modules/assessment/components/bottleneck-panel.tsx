import { Button, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bottleneck } from '../types';
import { useBottleneckColumns } from './use-bottleneck-columns';
import { money, type Bottlenecks } from './use-bottlenecks';

/** A process's bottlenecks: the cost formula with the hourly rate, and the table with its monthly total. */
export function BottleneckPanel({ items, bottlenecks, canUpdate }: { items: Bottleneck[]; bottlenecks: Bottlenecks; canUpdate: boolean }) {
  const { t } = useTranslation();
  const { hourly, rate, setRate } = bottlenecks;
  const columns = useBottleneckColumns(bottlenecks, canUpdate);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('assessment.bottleneck.title')}
      </Typography.Title>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary" data-testid="cost-formula">
          {t('assessment.bottleneck.formula', { rate: hourly })}
        </Typography.Text>
        {canUpdate && (
          <Space.Compact size="small">
            <InputNumber
              min={0}
              max={100000}
              value={rate ?? hourly}
              onChange={(v) => setRate(v)}
              addonAfter={t('assessment.bottleneck.perHour')}
              data-testid="hourly-rate"
            />
            <Button disabled={rate === null || rate === hourly} onClick={() => void bottlenecks.saveRate()}>
              {t('common.save')}
            </Button>
          </Space.Compact>
        )}
      </Space>
      <Table<Bottleneck>
        size="small"
        rowKey="id"
        data-testid="bottleneck-table"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('assessment.bottleneck.none') }}
        columns={columns}
        summary={(rows) =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('assessment.bottleneck.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <strong data-testid="bottleneck-total">{money(rows.reduce((s, b) => s + b.monthlyCost, 0))}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
