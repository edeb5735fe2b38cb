import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** A load error with the server's (localized) message and a retry link. */
export function ErrorAlert({ error, onRetry, testId }: { error: ApiError | undefined; onRetry?: () => void; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId ?? 'load-error'}
      message={error.message}
      description={error.details.length ? error.details.map((d) => `${d.field}: ${d.reason}`).join('；') : undefined}
      action={onRetry ? <a onClick={onRetry}>{t('common.retry')}</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
