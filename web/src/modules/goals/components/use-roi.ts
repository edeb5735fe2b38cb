import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { RoiItem, RoiItemKind } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

/** The ROI settings form; the discount rate is edited in percent and sent as a fraction. */
export interface RoiSettingsValues {
  horizonYears: number;
  discountRatePct: number;
  currency: string;
}

/** The form that adds one cost or benefit line. */
export interface RoiItemValues {
  kind: RoiItemKind;
  label: string;
  amount: number;
}

/**
 * The project's ROI case with its two forms: save the settings, add and remove items. Every change
 * answers with the whole recomputed case, which replaces the loaded one.
 */
export function useRoi(projectId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roi = useApi(() => api.roi.get(projectId), [projectId]);
  const [settingsForm] = Form.useForm<RoiSettingsValues>();
  const [itemForm] = Form.useForm<RoiItemValues>();
  const [settingsError, setSettingsError] = useState<string>();
  const [itemError, setItemError] = useState<string>();
  const [busy, setBusy] = useState<'settings' | 'item' | null>(null);
  const data = roi.data;

  useEffect(() => {
    if (data)
      settingsForm.setFieldsValue({
        horizonYears: data.settings.horizonYears,
        discountRatePct: Math.round(data.settings.discountRate * 10000) / 100,
        currency: data.settings.currency,
      });
  }, [data, settingsForm]);

  const saveSettings = async (v: RoiSettingsValues) => {
    setBusy('settings');
    setSettingsError(undefined);
    try {
      roi.setData(
        await api.roi.saveSettings(projectId, {
          horizonYears: v.horizonYears,
          discountRate: v.discountRatePct / 100,
          currency: v.currency,
        }),
      );
      message.success(t('common.saved'));
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(settingsForm, cause, ['horizonYears', 'discountRatePct', 'currency'], {
        discountRate: 'discountRatePct',
      });
      setSettingsError([text, ...unmatched].join(' '));
    } finally {
      setBusy(null);
    }
  };

  const addItem = async (v: RoiItemValues) => {
    setBusy('item');
    setItemError(undefined);
    try {
      roi.setData(await api.roi.addItem(projectId, v));
      itemForm.resetFields(['label', 'amount']);
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(itemForm, cause, ['kind', 'label', 'amount']);
      setItemError([text, ...unmatched].join(' '));
    } finally {
      setBusy(null);
    }
  };

  const removeItem = async (item: RoiItem) => {
    try {
      roi.setData(await api.roi.removeItem(projectId, item.id));
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return { roi, settingsForm, itemForm, settingsError, itemError, busy, saveSettings, addItem, removeItem };
}
