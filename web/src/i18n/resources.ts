import assessmentEn from './assessment.en.json';
import assessmentZhCN from './assessment.zh-CN.json';
import blueprintEn from './blueprint.en.json';
import blueprintZhCN from './blueprint.zh-CN.json';
import dataAssetsEn from './data-assets.en.json';
import dataAssetsZhCN from './data-assets.zh-CN.json';
import en from './en.json';
import goLiveEn from './go-live.en.json';
import goLiveZhCN from './go-live.zh-CN.json';
import migrationEn from './migration.en.json';
import migrationZhCN from './migration.zh-CN.json';
import permissionMatrixEn from './permission-matrix.en.json';
import permissionMatrixZhCN from './permission-matrix.zh-CN.json';
import risksEn from './risks.en.json';
import risksZhCN from './risks.zh-CN.json';
import zhCN from './zh-CN.json';

/**
 * The translation trees. Platform and early modules live in `zh-CN.json` / `en.json`; later modules
 * keep their strings in `<module>.<lang>.json`, each under one top-level namespace of its own, so
 * modules developed side by side never edit the same file.
 */
export const TRANSLATIONS = {
  'zh-CN': {
    ...zhCN,
    ...assessmentZhCN,
    ...blueprintZhCN,
    ...dataAssetsZhCN,
    ...migrationZhCN,
    ...permissionMatrixZhCN,
    ...risksZhCN,
    ...goLiveZhCN,
  },
  en: { ...en, ...assessmentEn, ...blueprintEn, ...dataAssetsEn, ...migrationEn, ...permissionMatrixEn, ...risksEn, ...goLiveEn },
};
