import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The business owner: a project member (stored as the member id) or any name typed in (stored as
 * text), as the API accepts both. A form control: `value`/`onChange` with one string.
 */
export function OwnerSelect(props: { members: { id: string; name: string }[]; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      mode="tags"
      maxCount={1}
      allowClear
      optionFilterProp="label"
      placeholder={t('dataAssets.registerForm.ownerHelp')}
      value={props.value ? [props.value] : []}
      onChange={(values: string[]) => props.onChange?.(values[values.length - 1] ?? '')}
      options={props.members.map((m) => ({ value: m.id, label: m.name }))}
      data-testid="data-asset-owner"
    />
  );
}
