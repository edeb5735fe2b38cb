import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Row = { key: string; before: unknown; after: unknown; change: 'added' | 'removed' | 'changed' | 'same' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Field-by-field comparison of an audit entry's before/after JSON; changed fields first. */
export function diffRows(before: unknown, after: unknown): Row[] {
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map<Row>((key) => {
    const inB = key in b;
    const inA = key in a;
    const change = !inB ? 'added' : !inA ? 'removed' : JSON.stringify(b[key]) === JSON.stringify(a[key]) ? 'same' : 'changed';
    return { key, before: b[key], after: a[key], change };
  });
  const order = { changed: 0, added: 1, removed: 2, same: 3 } as const;
  return rows.sort((x, y) => order[x.change] - order[y.change] || x.key.localeCompare(y.key));
}

const COLORS: Record<Row['change'], string | undefined> = {
  added: '#f6ffed',
  removed: '#fff1f0',
  changed: '#fffbe6',
  same: undefined,
};

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffRows(before, after);
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="audit-diff"
      onRow={(row) => ({ style: { background: COLORS[row.change] } })}
      columns={[
        { title: t('audit.field'), dataIndex: 'key', width: 200, render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown, row) => (
            <Typography.Text delete={row.change === 'changed' || row.change === 'removed'} style={{ wordBreak: 'break-all' }}>
              {show(v)}
            </Typography.Text>
          ),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown, row) => (
            <Typography.Text strong={row.change !== 'same'} style={{ wordBreak: 'break-all' }}>
              {show(v)}
            </Typography.Text>
          ),
        },
        { title: t('audit.change'), dataIndex: 'change', width: 100, render: (c: Row['change']) => t(`audit.changeKind.${c}`) },
      ]}
    />
  );
}
