import { Spin } from 'antd';

export function PageSpinner() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} data-testid="page-loading">
      <Spin />
    </div>
  );
}
