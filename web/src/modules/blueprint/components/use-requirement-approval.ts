import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { blueprintApi } from '../api';
import type { Requirement } from '../types';

/** Deciding a pending 定制开发 approval: the requirement in the dialog, the comment, approve or reject. */
export function useRequirementApproval(reload: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [deciding, setDeciding] = useState<Requirement | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const open = (requirement: Requirement) => {
    setComment('');
    setDeciding(requirement);
  };

  const decide = async (decision: 'approved' | 'rejected') => {
    if (!deciding) return;
    setBusy(true);
    try {
      await blueprintApi.decide(project.id, deciding.id, decision, comment);
      message.success(decision === 'approved' ? t('blueprint.approval.approvedDone') : t('blueprint.approval.rejectedDone'));
      setDeciding(null);
      reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return { deciding, comment, setComment, busy, open, close: () => setDeciding(null), decide };
}

/** What {@link useRequirementApproval} gives the approval dialog. */
export type RequirementApproval = ReturnType<typeof useRequirementApproval>;
