import { Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { moduleLabel } from '../../../components/labels';
import { useApi } from '../../../components/use-api';
import { blueprintApi } from '../api';
import type { BlueprintVersion, DiffValue, FieldChange } from '../types';

const ADDED = '#f6ffed';
const REMOVED = '#fff1f0';
const CHANGED = '#fffbe6';

/** A diff value shown with the labels the page uses. */
function useValueLabel() {
  const { t } = useTranslation();
  return (field: string, value: DiffValue): string => {
    if (value === null || value === '') return '—';
    const text = String(value);
    if (field === 'module') return moduleLabel(t, text);
    if (field === 'priority') return t(`blueprint.priority.${text}`);
    if (field === 'resolution') return t(`blueprint.resolution.${text}`);
    if (field === 'configKind') return t(`blueprint.configKind.${text}`);
    if (field === 'status') return t(`blueprint.status.${text}`);
    if (field === 'approvalStatus') return t(`blueprint.approvalStatus.${text}`);
    return text;
  };
}

function Changes(props: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  const label = useValueLabel();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {props.changes.map((c) => (
        <li key={c.field}>
          <strong>{t(`blueprint.diffField.${c.field}`)}</strong>：<del style={{ color: '#cf1322' }}>{label(c.field, c.before)}</del> →{' '}
          <span style={{ color: '#389e0d' }}>{label(c.field, c.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Differences between two blueprint versions (or a version and the live blueprint), coloured: added green, removed red, changed yellow. */
export function VersionDiffView(props: { projectId: string; versions: BlueprintVersion[]; initialFrom?: string; initialTo?: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<string | undefined>(props.initialFrom);
  const [to, setTo] = useState<string>(props.initialTo ?? 'current');
  useEffect(() => {
    if (props.initialFrom) setFrom(props.initialFrom);
    if (props.initialTo) setTo(props.initialTo);
  }, [props.initialFrom, props.initialTo]);
  const diff = useApi(
    () => (from ? blueprintApi.diff(props.projectId, from, to) : Promise.resolve(undefined)),
    [props.projectId, from, to],
  );
  const options = [
    { value: 'current', label: t('blueprint.version.current') },
    ...props.versions.map((v) => ({ value: v.id, label: v.label })),
  ];
  const d = diff.data;

  type Row = { key: string; kind: 'added' | 'removed' | 'changed'; area: string; name: string; detail: React.ReactNode };
  const rows: Row[] = [];
  if (d) {
    for (const r of d.requirements.added)
      rows.push({ key: `ra${r.id}`, kind: 'added', area: 'requirements', name: `${r.code} ${r.title}`, detail: null });
    for (const r of d.requirements.removed)
      rows.push({ key: `rr${r.id}`, kind: 'removed', area: 'requirements', name: `${r.code} ${r.title}`, detail: null });
    for (const r of d.requirements.changed)
      rows.push({
        key: `rc${r.id}`,
        kind: 'changed',
        area: 'requirements',
        name: `${r.code} ${r.title}`,
        detail: <Changes changes={r.changes} />,
      });
    for (const g of d.grants.added)
      rows.push({
        key: `ga${g.roleId}${g.functionId}`,
        kind: 'added',
        area: 'grants',
        name: `${g.roleName} · ${g.functionLabel}`,
        detail: g.scope,
      });
    for (const g of d.grants.removed)
      rows.push({
        key: `gr${g.roleId}${g.functionId}`,
        kind: 'removed',
        area: 'grants',
        name: `${g.roleName} · ${g.functionLabel}`,
        detail: g.scope,
      });
    for (const g of d.grants.changed)
      rows.push({
        key: `gc${g.roleId}${g.functionId}`,
        kind: 'changed',
        area: 'grants',
        name: `${g.roleName} · ${g.functionLabel}`,
        detail: `${g.before} → ${g.after}`,
      });
    for (const p of d.processes.added) rows.push({ key: `pa${p.id}`, kind: 'added', area: 'processes', name: p.name, detail: null });
    for (const p of d.processes.removed) rows.push({ key: `pr${p.id}`, kind: 'removed', area: 'processes', name: p.name, detail: null });
    for (const p of d.processes.changed)
      rows.push({
        key: `pc${p.id}`,
        kind: 'changed',
        area: 'processes',
        name: p.name,
        detail: p.fields.map((f) => t(`blueprint.diffField.${f}`)).join('、'),
      });
    if (d.thresholds.length)
      rows.push({
        key: 'th',
        kind: 'changed',
        area: 'thresholds',
        name: t('blueprint.meter.title'),
        detail: <Changes changes={d.thresholds} />,
      });
  }
  const color = { added: ADDED, removed: REMOVED, changed: CHANGED };
  const tagColor = { added: 'green', removed: 'red', changed: 'gold' };

  return (
    <Card size="small" title={t('blueprint.diff.title')} data-testid="version-diff">
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('blueprint.diff.from')}</span>
        <Select
          style={{ width: 140 }}
          value={from}
          onChange={setFrom}
          options={options.filter((o) => o.value !== 'current')}
          data-testid="diff-from"
        />
        <span>{t('blueprint.diff.to')}</span>
        <Select style={{ width: 140 }} value={to} onChange={setTo} options={options} data-testid="diff-to" />
        {d && <Typography.Text type="secondary">{t('blueprint.diff.total', { count: d.total })}</Typography.Text>}
      </Space>
      <ErrorAlert error={diff.error} />
      {!from ? (
        <Empty description={t('blueprint.diff.pick')} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="key"
          loading={diff.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('blueprint.diff.none') }}
          onRow={(r) => ({ style: { background: color[r.kind] }, 'data-kind': r.kind }) as React.HTMLAttributes<HTMLTableRowElement>}
          columns={[
            {
              title: t('blueprint.diff.kind'),
              dataIndex: 'kind',
              width: 90,
              render: (k: Row['kind']) => <Tag color={tagColor[k]}>{t(`blueprint.diff.${k}`)}</Tag>,
            },
            { title: t('blueprint.diff.area'), dataIndex: 'area', width: 110, render: (a: string) => t(`blueprint.diff.area_${a}`) },
            { title: t('blueprint.diff.item'), dataIndex: 'name', width: 260 },
            { title: t('blueprint.diff.detail'), dataIndex: 'detail' },
          ]}
        />
      )}
    </Card>
  );
}
