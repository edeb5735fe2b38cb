import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { RACI_LETTERS, type RaciLetter, type RaciMatrix } from '../../../api/types';
import { phaseLabel } from '../../../components/labels';
import { LETTER_COLOR } from './raci-legend';
import type { Deliverable, RaciRow } from './use-raci';

/**
 * The RACI grid's columns: the phase (one cell per phase), the deliverable with its issues, then one
 * column per member whose cells pick a letter (or none).
 */
export function useRaciColumns(props: {
  members: RaciMatrix['members'];
  letters: Map<string, RaciLetter>;
  issuesByDeliverable: Map<string, RaciMatrix['issues']>;
  pending: string | null;
  canEdit: boolean;
  canManageDeliverables: boolean;
  onSetCell: (deliverableId: string, memberId: string, letter: RaciLetter | null) => Promise<void>;
  onRemoveDeliverable: (d: Deliverable) => Promise<void>;
}): TableColumnsType<RaciRow> {
  const { t } = useTranslation();
  const { letters, pending, canEdit } = props;
  return [
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
        const issues = props.issuesByDeliverable.get(d.id) ?? [];
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
            {props.canManageDeliverables && (
              <Popconfirm
                title={t('common.deleteConfirm')}
                onConfirm={() => props.onRemoveDeliverable(d)}
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
    ...props.members.map((member) => ({
      key: member.id,
      width: 84,
      align: 'center' as const,
      title: (
        <Tooltip title={[member.department, t(`tier.${member.tier}`, { defaultValue: member.tier })].filter(Boolean).join(' · ')}>
          <span data-testid={`raci-member-${member.id}`}>{member.name}</span>
        </Tooltip>
      ),
      render: (_: unknown, d: RaciRow) => {
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
            onChange={(e) => void props.onSetCell(d.id, member.id, (e.target.value || null) as RaciLetter | null)}
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
  ];
}
