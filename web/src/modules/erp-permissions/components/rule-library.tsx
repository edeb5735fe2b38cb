import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErpFunction, SodRule, SodRuleInput, SodRuleUpdate } from '../types';
import { RuleFormModal } from './rule-form-modal';
import { useRuleColumns } from './use-rule-columns';
import { useRuleEditor } from './use-rule-editor';

/** The SoD rule library: list, enable/disable, edit, delete, add. */
export function RuleLibrary({
  rules,
  functions,
  canCreate,
  canEdit,
  canDelete,
  onCreate,
  onUpdate,
  onDelete,
}: {
  rules: SodRule[];
  functions: ErpFunction[];
  canCreate: boolean;
  canEdit: boolean;
  canDelete: boolean;
  onCreate: (input: SodRuleInput) => Promise<void>;
  onUpdate: (ruleId: string, input: SodRuleUpdate) => Promise<void>;
  onDelete: (ruleId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const editor = useRuleEditor({ rules, onCreate, onUpdate });
  const columns = useRuleColumns({ canEdit, canDelete, onEdit: editor.open, onUpdate, onDelete });

  return (
    <div data-testid="sod-rules">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('permissionMatrix.rulesIntro')}</Typography.Text>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open('new')} data-testid="sod-rule-add">
            {t('permissionMatrix.addRule')}
          </Button>
        )}
      </Space>
      <Table<SodRule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules}
        onRow={(r) => ({ 'data-testid': 'sod-rule-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={columns}
      />
      <RuleFormModal editor={editor} functions={functions} />
    </div>
  );
}
