import assessmentEn from '../modules/assessment/i18n/en.json';
import assessmentZhCN from '../modules/assessment/i18n/zh-CN.json';
import blueprintEn from '../modules/blueprint/i18n/en.json';
import blueprintZhCN from '../modules/blueprint/i18n/zh-CN.json';
import dataAssetsEn from '../modules/data-assets/i18n/en.json';
import dataAssetsZhCN from '../modules/data-assets/i18n/zh-CN.json';
import en from './en.json';
import goLiveEn from '../modules/go-live/i18n/en.json';
import goLiveZhCN from '../modules/go-live/i18n/zh-CN.json';
import migrationEn from '../modules/migration/i18n/en.json';
import migrationZhCN from '../modules/migration/i18n/zh-CN.json';
import permissionMatrixEn from '../modules/erp-permissions/i18n/en.json';
import permissionMatrixZhCN from '../modules/erp-permissions/i18n/zh-CN.json';
import risksEn from '../modules/risks/i18n/en.json';
import risksZhCN from '../modules/risks/i18n/zh-CN.json';
import zhCN from './zh-CN.json';

/**
 * The translation trees. The platform, goals and team live in `zh-CN.json` / `en.json`; every other module
 * keeps its strings in `modules/<module>/i18n/<lang>.json`, under one top-level namespace of its own, so
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
