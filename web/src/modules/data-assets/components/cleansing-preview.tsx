import { Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CleansePreview } from '../types';

/** A recipe's before / after: row counts, changed cells per column, and sample rows with each change. */
export function CleansingPreview({ preview }: { preview: CleansePreview }) {
  const { t } = useTranslation();
  const changed = preview.changedCells.filter((c) => c.changed > 0);
  const cell = (v: string | null | undefined) =>
    v === null || v === undefined ? <Typography.Text type="secondary">∅</Typography.Text> : v;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="cleansing-preview">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('dataAssets.cleansing.rowsBefore')} value={preview.rowsBefore} />
        </Col>
        <Col span={6}>
          <Statistic title={t('dataAssets.cleansing.rowsAfter')} value={preview.rowsAfter} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('dataAssets.cleansing.duplicatesRemoved')}
            value={preview.duplicatesRemoved}
            valueStyle={{ color: preview.duplicatesRemoved ? '#cf1322' : undefined }}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t('dataAssets.cleansing.changedCells')} value={changed.reduce((s, c) => s + c.changed, 0)} />
        </Col>
      </Row>
      <div data-testid="cleansing-changed-columns">
        {changed.map((c) => (
          <Tag key={c.column} color="blue">
            {c.column}: {c.changed}
          </Tag>
        ))}
      </div>
      <Table
        size="small"
        rowKey={(s) => String(s.row)}
        pagination={false}
        scroll={{ x: true }}
        dataSource={preview.samples}
        data-testid="cleansing-samples"
        columns={[
          { title: t('dataAssets.rules.rowNumber'), dataIndex: 'row', width: 70, fixed: 'left' },
          ...preview.columns.map((name, i) => ({
            title: name,
            key: name,
            render: (_: unknown, s: CleansePreview['samples'][number]) => {
              if (s.after === null)
                return (
                  <Typography.Text delete type="secondary">
                    {cell(s.before[i])}
                  </Typography.Text>
                );
              if (s.before[i] === s.after[i]) return cell(s.before[i]);
              return (
                <Space direction="vertical" size={0}>
                  <Typography.Text delete type="secondary">
                    {cell(s.before[i])}
                  </Typography.Text>
                  <Typography.Text type="success">{cell(s.after[i])}</Typography.Text>
                </Space>
              );
            },
          })),
          {
            title: '',
            key: 'removed',
            render: (_: unknown, s: CleansePreview['samples'][number]) =>
              s.after === null ? <Tag color="red">{t('dataAssets.cleansing.removed')}</Tag> : null,
          },
        ]}
      />
    </Space>
  );
}
