import { App, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { MigrationRun } from '../types';
import { RollbackModal } from './rollback-modal';
import type { RollbackTarget } from './rollback-target';
import { RunBatches } from './run-batches';
import { useRunColumns } from './use-run-columns';

/** 批次: every run with its batches (counts, rejects, check) and the rollback behind a typed confirmation. */
export function RunHistory({ runs, onChanged }: { runs: MigrationRun[]; onChanged: (run?: MigrationRun) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [pending, setPending] = useState<RollbackTarget | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const newest = runs[0]?.id;
  // The newest run opens by itself, so its batches show as soon as it starts.
  useEffect(() => {
    if (newest) setExpanded((keys) => (keys.includes(newest) ? keys : [...keys, newest]));
  }, [newest]);

  const cancelRun = async (run: MigrationRun) => {
    if (!run.jobId) return;
    try {
      await migrationApi.cancelJob(project.id, run.jobId);
      message.success(t('migration.cancelRun.requested'));
      onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  const columns = useRunColumns({ onCancel: cancelRun, onRollback: setPending });

  return (
    <>
      <Table<MigrationRun>
        rowKey="id"
        size="middle"
        data-testid="run-history"
        dataSource={runs}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
          expandedRowRender: (run) => <RunBatches run={run} onRollback={setPending} />,
        }}
        columns={columns}
      />
      <RollbackModal pending={pending} onClose={() => setPending(null)} onStarted={onChanged} />
    </>
  );
}
