import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import type { CleansePreview, CleanseStep, DataAsset } from '../types';

/**
 * An asset's cleansing recipe being edited: the steps (reordered, added, removed), the preview,
 * saving the recipe, and making the cleaned asset (saving first when the recipe changed).
 */
export function useCleansing(asset: DataAsset, onSaved: (asset: DataAsset) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [steps, setSteps] = useState<CleanseStep[]>(asset.recipe.steps);
  const [busy, setBusy] = useState<'preview' | 'save' | 'make' | null>(null);
  const [preview, setPreview] = useState<CleansePreview | null>(null);
  const [error, setError] = useState<string>();
  const [made, setMade] = useState<DataAsset | null>(null);
  const dirty = JSON.stringify(steps) !== JSON.stringify(asset.recipe.steps);

  // Reset the editor only when the stored recipe really changed (the asset is re-fetched while a profile runs).
  const storedSteps = JSON.stringify(asset.recipe.steps);
  useEffect(() => setSteps(JSON.parse(storedSteps) as CleanseStep[]), [storedSteps]);

  const fail = (cause: unknown) => {
    const e = toApiError(cause);
    setError([e.message, ...e.details.map((d) => `${d.field}: ${d.reason}`)].join('；'));
  };
  const runPreview = async () => {
    setBusy('preview');
    setError(undefined);
    try {
      setPreview(await dataAssetsApi.preview(project.id, asset.id, { steps }));
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(null);
    }
  };
  const save = async (): Promise<boolean> => {
    setBusy('save');
    setError(undefined);
    try {
      onSaved(await dataAssetsApi.saveRecipe(project.id, asset.id, { steps }));
      message.success(t('common.saved'));
      return true;
    } catch (cause) {
      fail(cause);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const make = async () => {
    if (dirty && !(await save())) return;
    setBusy('make');
    setError(undefined);
    try {
      const result = await dataAssetsApi.materialize(project.id, asset.id);
      setMade(result.asset);
      setPreview(result.preview);
      message.success(t('dataAssets.cleansing.made', { name: result.asset.name }));
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(null);
    }
  };
  const move = (i: number, d: -1 | 1) => {
    const next = [...steps];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    setSteps(next);
  };
  const remove = (i: number) => setSteps(steps.filter((_, j) => j !== i));
  const add = (step: CleanseStep) => setSteps([...steps, step]);

  return { steps, busy, preview, error, made, dirty, runPreview, save, make, move, remove, add };
}
