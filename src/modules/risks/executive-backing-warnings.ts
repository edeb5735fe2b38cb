import type { Locale } from '../../shared/app-error';
import type { RiskSettings, SignalLevel } from './risk.schema';
import type { RiskFacts } from './risk-facts';
import { daysBetween, list, type IndicatorDraft } from './indicator-draft';

/** Executive backing: a sponsor is named, has an account and has been active lately. */
export function executiveBacking(f: RiskFacts, s: RiskSettings, locale: Locale): IndicatorDraft[] {
  const out: IndicatorDraft[] = [];
  if (f.sponsors.length === 0) {
    out.push({
      code: 'executive_backing.sponsor_named',
      level: 'critical',
      value: 0,
      message: {
        zh: '团队中没有“发起人”角色的成员：项目领导小组无人牵头，重大争议无人拍板。',
        en: 'No team member has the sponsor role: the steering committee has no head and nobody decides major disputes.',
      },
      evidence: [{ label: locale === 'zh-CN' ? '团队成员' : 'Team members', href: 'team?tab=members' }],
    });
  } else {
    out.push({
      code: 'executive_backing.sponsor_named',
      level: 'ok',
      value: f.sponsors.length,
      message: {
        zh: `发起人：${list(
          f.sponsors.map((x) => x.name),
          locale,
        )}。`,
        en: `Sponsor: ${list(
          f.sponsors.map((x) => x.name),
          locale,
        )}.`,
      },
    });
    const withAccount = f.sponsors.filter((x) => x.hasAccount);
    if (withAccount.length === 0) {
      out.push({
        code: 'executive_backing.sponsor_active',
        level: 'watch',
        value: null,
        message: {
          zh: '发起人没有 golive 账号：无法在系统中审批定制开发、签署蓝图，参与情况无从记录。',
          en: 'The sponsor has no golive account: they cannot approve custom development or sign the blueprint here, and their involvement is not recorded.',
        },
        evidence: [{ label: locale === 'zh-CN' ? '团队成员' : 'Team members', href: 'team?tab=members' }],
      });
    } else {
      // The most active sponsor counts: one engaged executive is what the method asks for.
      const idle = Math.min(...withAccount.map((x) => (x.lastActiveOn ? daysBetween(x.lastActiveOn, f.today) : Number.POSITIVE_INFINITY)));
      const level: SignalLevel = idle > 2 * s.sponsorInactiveDays ? 'critical' : idle > s.sponsorInactiveDays ? 'warning' : 'ok';
      const never = !Number.isFinite(idle);
      out.push({
        code: 'executive_backing.sponsor_active',
        level,
        value: never ? null : idle,
        message: never
          ? {
              zh: '发起人从未在 golive 中审批、签字或更新过任何内容。',
              en: 'The sponsor has never approved, signed or updated anything in golive.',
            }
          : {
              zh: `发起人最近一次在系统中操作是 ${idle} 天前（阈值 ${s.sponsorInactiveDays} 天）。`,
              en: `The sponsor last acted in golive ${idle} days ago (threshold ${s.sponsorInactiveDays} days).`,
            },
      });
    }
  }
  const waiting = f.pendingApprovals
    .map((a) => ({ ...a, days: daysBetween(a.requestedOn, f.today) }))
    .filter((a) => a.days > s.approvalWaitDays)
    .sort((a, b) => b.days - a.days);
  const longest = waiting[0]?.days ?? 0;
  out.push({
    code: 'executive_backing.approvals_waiting',
    level: waiting.length === 0 ? 'ok' : longest > 2 * s.approvalWaitDays ? 'critical' : 'warning',
    value: waiting.length,
    message:
      waiting.length === 0
        ? {
            zh: `没有等待超过 ${s.approvalWaitDays} 天的定制开发审批（待审批 ${f.pendingApprovals.length} 项）。`,
            en: `No custom development has waited more than ${s.approvalWaitDays} days for approval (${f.pendingApprovals.length} pending).`,
          }
        : {
            zh: `${waiting.length} 项定制开发等待领导小组审批超过 ${s.approvalWaitDays} 天，最久 ${longest} 天：${list(
              waiting.map((w) => w.code),
              'zh-CN',
            )}。`,
            en: `${waiting.length} custom development item(s) have waited more than ${s.approvalWaitDays} days for the steering committee, the longest ${longest} days: ${list(
              waiting.map((w) => w.code),
              'en',
            )}.`,
          },
    evidence: waiting.length ? [{ label: locale === 'zh-CN' ? '需求清单' : 'Requirements', href: 'blueprint/requirements' }] : [],
  });
  return out;
}
