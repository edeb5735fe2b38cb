import { Checkbox, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MappingRow } from '../spec-form';

const MATCH_COLORS: Record<string, string> = { exact: 'green', normalized: 'cyan', synonym: 'blue', saved: 'default' };

/** Left columns × their right counterpart (editable), with an ignore box per column. A form control. */
export function MappingEditor(props: {
  value?: MappingRow[];
  onChange?: (rows: MappingRow[]) => void;
  rightColumns: string[];
  keyColumns: string[];
}) {
  const { t } = useTranslation();
  const rows = props.value ?? [];
  const update = (index: number, patch: Partial<MappingRow>) =>
    props.onChange?.(
      rows.map((row, i) => (i === index ? { ...row, ...patch, match: patch.right !== undefined ? undefined : row.match } : row)),
    );
  const usedRight = new Map<string, number>();
  for (const row of rows) if (row.right && !row.ignore) usedRight.set(row.right, (usedRight.get(row.right) ?? 0) + 1);

  return (
    <Table<MappingRow>
      rowKey="left"
      size="small"
      data-testid="mapping-table"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('cutover.mapping.empty') }}
      onRow={(row) =>
        ({
          'data-testid': 'mapping-row',
          'data-left': row.left,
          'data-right': row.right ?? '',
        }) as React.HTMLAttributes<HTMLTableRowElement>
      }
      columns={[
        {
          title: t('cutover.mapping.leftColumn'),
          dataIndex: 'left',
          width: '34%',
          render: (v: string) => (
            <span>
              {v} {props.keyColumns.includes(v) && <Tag color="gold">{t('cutover.mapping.key')}</Tag>}
            </span>
          ),
        },
        {
          title: t('cutover.mapping.rightColumn'),
          width: '40%',
          render: (_, row, index) => (
            <Select
              size="small"
              allowClear
              showSearch
              style={{ width: '100%' }}
              value={row.right ?? undefined}
              placeholder={t('cutover.mapping.none')}
              disabled={row.ignore}
              status={row.right && (usedRight.get(row.right) ?? 0) > 1 ? 'warning' : undefined}
              data-testid="mapping-right"
              onChange={(right?: string) => update(index, { right: right ?? null })}
              options={props.rightColumns.map((c) => ({ value: c, label: c }))}
            />
          ),
        },
        {
          title: t('cutover.mapping.match'),
          width: '14%',
          render: (_, row) =>
            row.match ? (
              <Tag color={MATCH_COLORS[row.match]}>{t(`cutover.mapping.matchKind.${row.match}`)}</Tag>
            ) : row.right ? (
              <Typography.Text type="secondary">{t('cutover.mapping.manual')}</Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: t('cutover.mapping.ignore'),
          width: '12%',
          render: (_, row, index) => (
            <Checkbox
              checked={row.ignore}
              disabled={props.keyColumns.includes(row.left)}
              data-testid="mapping-ignore"
              onChange={(e) => update(index, { ignore: e.target.checked })}
            />
          ),
        },
      ]}
    />
  );
}
