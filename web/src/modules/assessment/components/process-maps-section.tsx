import { Card, Col, Row, Spin } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import type { ProcessStage } from '../types';
import { BottleneckDrawer } from './bottleneck-drawer';
import { CreateProcessModal } from './create-process-modal';
import { ImportProcessModal } from './import-process-modal';
import { ProcessEditorCard } from './process-editor-card';
import { ProcessListCard } from './process-list-card';
import { useBottlenecks } from './use-bottlenecks';
import { useProcessMaps } from './use-process-maps';

/** Process list per department + the bpmn-js editor; mounted under 调研 (as-is) and 蓝图 (to-be). */
export default function ProcessMapsSection({ stage }: { stage: ProcessStage }) {
  const maps = useProcessMaps(stage);
  const bottlenecks = useBottlenecks(maps);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { list, process, currentId, departments } = maps;
  // Bottlenecks are measured on today's processes; to-be maps (blueprint) only draw the target.
  const withBottlenecks = stage === 'as_is';

  return (
    <div data-testid={`process-maps-${stage}`}>
      <ErrorAlert error={list.error} onRetry={() => void list.reload()} />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <ProcessListCard maps={maps} onCreate={() => setCreating(true)} onImport={() => setImporting(true)} />
        </Col>
        <Col xs={24} lg={18}>
          {!process ? (
            currentId ? (
              <Card>
                <Spin />
              </Card>
            ) : null
          ) : (
            <ProcessEditorCard process={process} maps={maps} bottlenecks={bottlenecks} withBottlenecks={withBottlenecks} />
          )}
        </Col>
      </Row>
      <CreateProcessModal
        open={creating}
        stage={stage}
        departments={departments.map(([d]) => d)}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          maps.opened(id);
        }}
      />
      <ImportProcessModal
        open={importing}
        stage={stage}
        onClose={() => setImporting(false)}
        onImported={(id) => {
          setImporting(false);
          maps.opened(id);
        }}
      />
      <BottleneckDrawer bottlenecks={bottlenecks} />
    </div>
  );
}
