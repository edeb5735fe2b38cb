import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { PHASES, RACI_LETTERS, type Phase, type RaciLetter, type RaciMatrix } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { phaseLabel } from '../../../components/labels';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

type Deliverable = RaciMatrix['deliverables'][number];
interface Row extends Deliverable {
  phaseRowSpan: number;
}

const LETTER_COLOR: Record<RaciLetter, string> = { R: '#1677ff', A: '#d4380d', C: '#389e0d', I: '#8c8c8c' };

function phaseIndex(phase: string): number {
  const i = (PHASES as readonly string[]).indexOf(phase);
  return i < 0 ? PHASES.length : i;
}

/** RACI: deliverables (by phase) × members; every deliverable needs exactly one A. */
export function RaciGrid({
  projectId,
  canEdit,
  canManageDeliverables,
}: {
  projectId: string;
  canEdit: boolean;
  canManageDeliverables: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const raci = useApi(() => api.team.raci(projectId), [projectId]);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<string | null>(null);
  const [form] = Form.useForm<{ phase: Phase; name: string }>();
  const [adding, setAdding] = useState(false);
  const m = raci.data;

  const letters = useMemo(() => {
    const map = new Map<string, RaciLetter>();
    for (const a of m?.assignments ?? []) map.set(`${a.deliverableId}|${a.memberId}`, a.letter);
    return map;
  }, [m]);

  const rows = useMemo<Row[]>(() => {
    const sorted = [...(m?.deliverables ?? [])].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase) || a.sort - b.sort);
    return sorted.map((d, i) => {
      const first = i === 0 || sorted[i - 1].phase !== d.phase;
      const span = first ? sorted.slice(i).findIndex((x) => x.phase !== d.phase) : 0;
      return { ...d, phaseRowSpan: first ? (span < 0 ? sorted.length - i : span) : 0 };
    });
  }, [m]);

  const issuesByDeliverable = useMemo(() => {
    const map = new Map<string, RaciMatrix['issues']>();
    for (const issue of m?.issues ?? []) map.set(issue.deliverableId, [...(map.get(issue.deliverableId) ?? []), issue]);
    return map;
  }, [m]);

  const setCell = async (deliverableId: string, memberId: string, letter: RaciLetter | null) => {
    const key = `${deliverableId}|${memberId}`;
    setPending(key);
    setError(undefined);
    try {
      raci.setData(await api.team.setRaci(projectId, deliverableId, memberId, letter));
    } catch (cause) {
      const e = toApiError(cause);
      setError(e.message);
      message.error(e.message);
    } finally {
      setPending(null);
    }
  };

  const addDeliverable = async (values: { phase: Phase; name: string }) => {
    setAdding(true);
    try {
      await api.team.addDeliverable(projectId, values.phase, values.name);
      form.resetFields(['name']);
      await raci.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['phase', 'name']);
      message.error([text, ...unmatched].join(' '));
    } finally {
      setAdding(false);
    }
  };

  const removeDeliverable = async (d: Deliverable) => {
    try {
      await api.team.removeDeliverable(projectId, d.id);
      await raci.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return (
    <div data-testid="raci">
      <Typography.Paragraph type="secondary">{t('raci.intro')}</Typography.Paragraph>
      <ErrorAlert error={raci.error} onRetry={() => void raci.reload()} />
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(undefined)}
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="raci-error"
        />
      )}
      {m && m.issues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="raci-issues"
          style={{ marginBottom: 12 }}
          message={t('raci.issuesTitle', { count: m.issues.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
              {m.issues.map((issue) => (
                <li
                  key={`${issue.deliverableId}-${issue.code}`}
                  data-testid="raci-issue"
                  data-code={issue.code}
                  data-deliverable={issue.deliverableId}
                >
                  {issue.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {canManageDeliverables && (
        <Form
          form={form}
          layout="inline"
          onFinish={addDeliverable}
          initialValues={{ phase: 'goals' }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="phase">
            <Select
              style={{ width: 140 }}
              options={PHASES.map((p) => ({ value: p, label: phaseLabel(t, p) }))}
              data-testid="deliverable-phase"
            />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, message: t('validation.required') }]}>
            <Input placeholder={t('raci.deliverableName')} maxLength={100} style={{ width: 260 }} data-testid="deliverable-name" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={adding} data-testid="deliverable-add">
            {t('raci.addDeliverable')}
          </Button>
        </Form>
      )}
      <Space size={12} style={{ marginBottom: 8 }} wrap>
        {RACI_LETTERS.map((l) => (
          <span key={l}>
            <Tag color={LETTER_COLOR[l]}>{l}</Tag>
            {t(`raci.letter.${l}`)}
          </span>
        ))}
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        bordered
        data-testid="raci-grid"
        loading={raci.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('raci.empty') }}
        onRow={(d) => ({ 'data-testid': `raci-row-${d.id}`, 'data-name': d.name }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          {
            title: t('raci.phase'),
            dataIndex: 'phase',
            fixed: 'left',
            width: 90,
            onCell: (row) => ({ rowSpan: row.phaseRowSpan }),
            render: (p: string) => <strong>{phaseLabel(t, p)}</strong>,
          },
          {
            title: t('raci.deliverable'),
            dataIndex: 'name',
            fixed: 'left',
            width: 240,
            render: (name: string, d) => {
              const issues = issuesByDeliverable.get(d.id) ?? [];
              return (
                <Space size={4} wrap>
                  <span>{name}</span>
                  {issues.map((i) => (
                    <Tooltip key={i.code} title={i.message}>
                      <Tag color={i.code === 'no_accountable' ? 'error' : 'warning'} style={{ marginInlineEnd: 0 }}>
                        {t(`raci.issue.${i.code}`)}
                      </Tag>
                    </Tooltip>
                  ))}
                  {canManageDeliverables && (
                    <Popconfirm
                      title={t('common.deleteConfirm')}
                      onConfirm={() => removeDeliverable(d)}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
          ...(m?.members ?? []).map((member) => ({
            key: member.id,
            width: 84,
            align: 'center' as const,
            title: (
              <Tooltip title={[member.department, t(`tier.${member.tier}`, { defaultValue: member.tier })].filter(Boolean).join(' · ')}>
                <span data-testid={`raci-member-${member.id}`}>{member.name}</span>
              </Tooltip>
            ),
            render: (_: unknown, d: Row) => {
              const key = `${d.id}|${member.id}`;
              const value = letters.get(key) ?? '';
              return (
                <select
                  aria-label={`${d.name} / ${member.name}`}
                  data-testid={`raci-cell-${d.id}-${member.id}`}
                  data-deliverable={d.name}
                  data-member={member.name}
                  value={value}
                  disabled={!canEdit || pending === key}
                  onChange={(e) => void setCell(d.id, member.id, (e.target.value || null) as RaciLetter | null)}
                  style={{
                    width: 52,
                    padding: '2px 4px',
                    borderRadius: 4,
                    border: '1px solid #d9d9d9',
                    fontWeight: 600,
                    color: value ? LETTER_COLOR[value as RaciLetter] : '#bfbfbf',
                    background: value === 'A' ? '#fff2e8' : '#fff',
                  }}
                >
                  <option value="">—</option>
                  {RACI_LETTERS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              );
            },
          })),
        ]}
      />
    </div>
  );
}
