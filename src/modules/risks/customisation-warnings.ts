import type { Locale } from '../../shared/app-error';
import type { RiskFacts } from './risk-facts';
import { list, pct, type IndicatorDraft } from './indicator-draft';

/** Customisation control: the custom-development share against its limit, overall and per module. */
export function customisation(f: RiskFacts, locale: Locale): IndicatorDraft[] {
  const link = [{ label: locale === 'zh-CN' ? '定制度仪表' : 'Customisation meter', href: 'blueprint/requirements' }];
  const c = f.customisation;
  if (!c) {
    return [
      {
        code: 'customisation.share',
        level: 'no_data',
        value: null,
        message: { zh: '需求清单为空：尚无法衡量定制程度。', en: 'The requirement list is empty: customisation cannot be measured yet.' },
        evidence: link,
      },
    ];
  }
  const over = c.customShare > c.maxCustomShare + 1e-12;
  const near = !over && c.maxCustomShare > 0 && c.customShare >= 0.8 * c.maxCustomShare - 1e-12;
  return [
    {
      code: 'customisation.share',
      level: over ? 'critical' : near ? 'warning' : 'ok',
      value: c.customShare,
      message: {
        zh: `全部需求中 ${pct(c.customShare)} 为定制开发（上限 ${pct(c.maxCustomShare)}${near ? '，已接近上限' : ''}）。`,
        en: `${pct(c.customShare)} of all requirements are custom development (limit ${pct(c.maxCustomShare)}${near ? ', close to the limit' : ''}).`,
      },
      evidence: link,
    },
    {
      code: 'customisation.modules_over',
      level: c.modulesOver.length === 0 ? 'ok' : c.modulesOver.length >= 2 ? 'critical' : 'warning',
      value: c.modulesOver.length,
      message:
        c.modulesOver.length === 0
          ? { zh: '没有模块超过定制占比或工作量上限。', en: 'No module exceeds the custom share or effort limit.' }
          : {
              zh: `超过定制占比或工作量上限的模块：${list(
                c.modulesOver.map((m) => m.label),
                'zh-CN',
              )}。`,
              en: `Modules over the custom share or effort limit: ${list(
                c.modulesOver.map((m) => m.label),
                'en',
              )}.`,
            },
      evidence: c.modulesOver.length ? link : [],
    },
  ];
}
