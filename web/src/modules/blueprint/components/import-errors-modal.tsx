import { Alert, Button, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';

/** Import errors: row, column header, reason. */
function parseImportErrors(error: ApiError): { key: string; row: string; column: string; reason: string }[] {
  return error.details.map((d, i) => {
    const match = /^row:(\d+):(.*)$/.exec(d.field);
    return { key: String(i), row: match ? match[1] : '', column: match ? match[2] : d.field, reason: d.reason };
  });
}

/** The rows of a refused Excel import that were wrong, one line per cell with the reason. */
export function ImportErrorsModal({ error, onClose }: { error: ApiError | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!error}
      title={t('blueprint.excel.errorsTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.confirm')}</Button>}
      width={760}
      data-testid="import-errors"
    >
      {error && (
        <>
          <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />
          <Table
            size="small"
            rowKey="key"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={parseImportErrors(error)}
            columns={[
              { title: t('blueprint.excel.row'), dataIndex: 'row', width: 70 },
              { title: t('blueprint.excel.column'), dataIndex: 'column', width: 140 },
              { title: t('blueprint.excel.reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
