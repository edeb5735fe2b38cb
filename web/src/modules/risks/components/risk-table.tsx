import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskView } from '../types';
import { useRiskColumns } from './use-risk-columns';

/** The register lines: code, title, category, P, I, risk value, status, owner, due date, source indicator. */
export function RiskTable(props: {
  risks: RiskView[];
  loading: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onEdit: (risk: RiskView) => void;
  onDelete: (risk: RiskView) => void;
}) {
  const { t } = useTranslation();
  const columns = useRiskColumns(props);
  return (
    <Table<RiskView>
      rowKey="id"
      data-testid="risk-table"
      size="middle"
      loading={props.loading}
      dataSource={props.risks}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('risks.register.empty') }}
      tableLayout="auto"
      // English headers and owners make the register wider than the page: scroll inside the table, never the page.
      scroll={{ x: 'max-content' }}
      onRow={(r) =>
        ({
          'data-testid': `risk-row-${r.code}`,
          'data-status': r.status,
          'data-score': r.score,
          'data-source': r.sourceIndicator ?? '',
        }) as React.HTMLAttributes<HTMLTableRowElement>
      }
      columns={columns}
    />
  );
}
