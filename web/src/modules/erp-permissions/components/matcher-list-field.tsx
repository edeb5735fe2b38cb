import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ERP_MODULES } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { actionText } from '../matrix-labels';
import { FUNCTION_ACTIONS, type ErpFunction } from '../types';

/** One side of a SoD rule in its form: a list of module · menu · action patterns (`*` for any). */
export function MatcherListField({ name, label, functions }: { name: 'sideA' | 'sideB'; label: string; functions: ErpFunction[] }) {
  const { t } = useTranslation();
  const menuOptions = useMemo(
    () => [
      { value: '*', label: t('permissionMatrix.anyMenu') },
      ...[...new Set(functions.map((f) => f.menu))].map((m) => ({ value: m, label: m })),
    ],
    [functions, t],
  );
  const moduleOptions = [
    { value: '*', label: t('permissionMatrix.anyModule') },
    ...ERP_MODULES.map((m) => ({ value: m, label: moduleLabel(t, m) })),
  ];
  const actionOptions = [
    { value: '*', label: t('permissionMatrix.anyAction') },
    ...FUNCTION_ACTIONS.map((a) => ({ value: a, label: actionText(t, a) })),
  ];
  return (
    <Form.Item label={label} required>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }} wrap>
                <Form.Item name={[field.name, 'module']} rules={[{ required: true, message: t('validation.required') }]} noStyle>
                  <Select style={{ width: 120 }} options={moduleOptions} data-testid={`${name}-module`} />
                </Form.Item>
                <Form.Item name={[field.name, 'menu']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                  <AutoComplete
                    style={{ width: 160 }}
                    options={menuOptions}
                    placeholder={t('permissionMatrix.menu')}
                    data-testid={`${name}-menu`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'action']} rules={[{ required: true, message: t('validation.required') }]} noStyle>
                  <Select style={{ width: 100 }} options={actionOptions} data-testid={`${name}-action`} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
              </Space>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ module: 'finance', menu: '', action: 'create' })}
            >
              {t('permissionMatrix.addMatcher')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
