import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CleanseStep, DataAsset } from '../types';
import { useStepText } from './use-step-text';

/** A recipe step with its position, as a row of the recipe table. */
export type StepRow = CleanseStep & { index: number };

/** Columns of the recipe table; the move / delete buttons only when the recipe is editable. */
export function useCleansingStepColumns({
  assets,
  count,
  editable,
  onMove,
  onRemove,
}: {
  assets: DataAsset[];
  count: number;
  editable: boolean;
  onMove(index: number, direction: -1 | 1): void;
  onRemove(index: number): void;
}): TableColumnsType<StepRow> {
  const { t } = useTranslation();
  const stepText = useStepText();
  return [
    { title: '#', width: 40, render: (_, s) => s.index + 1 },
    {
      title: t('dataAssets.cleansing.stepKind'),
      render: (_, s) => <Tag color="geekblue">{t(`dataAssets.stepKind.${s.kind}`)}</Tag>,
    },
    { title: t('dataAssets.cleansing.detail'), render: (_, s) => stepText(s, assets) },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            width: 130,
            render: (_: unknown, s: StepRow) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={s.index === 0}
                  onClick={() => onMove(s.index, -1)}
                  aria-label={t('dataAssets.cleansing.up')}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={s.index === count - 1}
                  onClick={() => onMove(s.index, 1)}
                  aria-label={t('dataAssets.cleansing.down')}
                />
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onRemove(s.index)} aria-label={t('common.delete')} />
              </Space>
            ),
          },
        ]
      : []),
  ];
}
