import { App, type ButtonProps, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { MigrationRun } from '../types';
import type { RollbackTarget } from './rollback-target';

/**
 * The rollback confirmation: the run's number (or the batch's object name) must be typed before the
 * rollback starts. `onStarted` gets the run as the rollback left it.
 */
export function RollbackModal(props: { pending: RollbackTarget | null; onClose: () => void; onStarted: (run: MigrationRun) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const { pending } = props;
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const expected = pending ? (pending.kind === 'run' ? String(pending.run.number) : pending.batch.objectName) : '';

  const submit = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const result =
        pending.kind === 'run'
          ? await migrationApi.rollbackRun(project.id, pending.run.id, confirm)
          : await migrationApi.rollbackBatch(project.id, pending.batch.id, confirm);
      message.success(t('migration.rollback.started'));
      props.onClose();
      setConfirm('');
      props.onStarted(result.run);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={pending !== null}
      title={t('migration.rollback.title')}
      okText={t('migration.rollback.confirm')}
      okButtonProps={{ danger: true, disabled: confirm.trim() !== expected, loading: busy, 'data-testid': 'rollback-ok' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={() => {
        props.onClose();
        setConfirm('');
      }}
    >
      <Typography.Paragraph>
        {pending?.kind === 'run'
          ? t('migration.rollback.runText', { number: pending.run.number })
          : t('migration.rollback.batchText', { name: pending?.kind === 'batch' ? pending.batch.objectName : '' })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('migration.rollback.typeToConfirm', { text: expected })}</Typography.Paragraph>
      <Input value={confirm} onChange={(e) => setConfirm(e.target.value)} data-testid="rollback-confirm" placeholder={expected} />
    </Modal>
  );
}
