import { Form } from 'antd';
import { useState } from 'react';
import { ERP_MODULES, type ErpModule } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import type { FunctionMatcher, RuleMatcher, SodRule, SodRuleInput, SodRuleUpdate } from '../types';

const RULE_FIELDS = ['code', 'name', 'riskLevel', 'riskDescription', 'sideA', 'sideB'] as const;

const isMatcherModule = (m: string): m is ErpModule | '*' => m === '*' || (ERP_MODULES as readonly string[]).includes(m);

/** A saved pattern for the editor: a module the rule form does not offer is left empty to be chosen again. */
function toEditorMatcher(m: RuleMatcher): Partial<FunctionMatcher> {
  return { ...m, module: isMatcherModule(m.module) ? m.module : undefined };
}

/**
 * The SoD rule dialog's state: the rule edited (or a new one, coded after the last), its form, and
 * saving with the server's field errors.
 */
export function useRuleEditor({
  rules,
  onCreate,
  onUpdate,
}: {
  rules: SodRule[];
  onCreate: (input: SodRuleInput) => Promise<void>;
  onUpdate: (ruleId: string, input: SodRuleUpdate) => Promise<void>;
}) {
  const [editing, setEditing] = useState<SodRule | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<SodRuleInput>();

  const open = (rule: SodRule | 'new') => {
    setFormError(undefined);
    const blank: FunctionMatcher = { module: 'finance', menu: '', action: 'create' };
    const nextCode = `SOD-${String(rules.length + 1).padStart(2, '0')}`;
    form.resetFields();
    form.setFieldsValue(
      rule === 'new'
        ? {
            code: nextCode,
            name: '',
            riskLevel: 'high',
            riskDescription: '',
            sideA: [blank],
            sideB: [{ ...blank, action: 'approve' }],
            enabled: true,
          }
        : { ...rule, sideA: rule.sideA.map(toEditorMatcher), sideB: rule.sideB.map(toEditorMatcher) },
    );
    setEditing(rule);
  };

  const submit = async (values: SodRuleInput) => {
    setSaving(true);
    setFormError(undefined);
    try {
      if (editing === 'new') await onCreate({ ...values, enabled: true });
      else if (editing) await onUpdate(editing.id, values);
      setEditing(null);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, RULE_FIELDS);
      setFormError([message, ...unmatched].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return { form, editing, saving, formError, open, submit, close: () => setEditing(null) };
}

/** What {@link useRuleEditor} gives the rule dialog. */
export type RuleEditor = ReturnType<typeof useRuleEditor>;
