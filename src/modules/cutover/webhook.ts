import { maskPasswords } from '../../engines/sources/parse-source-spec';
import type { ExitCriterionView, RunView, WebhookFormat } from './cutover.schema';

/** What a run notification tells. */
export interface RunNotice {
  project: { id: string; name: string };
  spec: { id: string; name: string };
  run: RunView;
  exitCriterion: ExitCriterionView;
}

const STATUS_ZH: Record<RunView['status'], string> = {
  queued: '排队中',
  running: '运行中',
  succeeded: '成功',
  failed: '失败',
  cancelled: '已取消',
};

interface Summary {
  left_rows?: number;
  right_rows?: number;
  matched?: number;
}

/** The Chinese lines of a notice (markdown adds a heading and bullets). */
function noticeLines(notice: RunNotice): string[] {
  const { run, exitCriterion } = notice;
  const lines = [`项目：${notice.project.name}`, `业务日期：${run.businessDate}`, `运行结果：${STATUS_ZH[run.status]}`];
  if (run.status === 'succeeded') {
    const s = (run.summary ?? {}) as Summary;
    lines.push(
      `差异总数：${run.differencesTotal}（未解释 ${run.unexplained}）`,
      `新增 ${run.newCount}，持续 ${run.openCount}，已解决 ${run.resolvedCount}`,
      `旧系统 ${s.left_rows ?? 0} 行，新系统 ${s.right_rows ?? 0} 行，一致 ${s.matched ?? 0} 行`,
    );
  } else if (run.error) {
    lines.push(`原因：${run.error}`);
  }
  lines.push(`退出标准（连续 ${exitCriterion.required} 个业务日无未解释差异）：${exitCriterion.met ? '已满足' : '未满足'}`);
  if (!exitCriterion.met) lines.push(exitCriterion.reason.replace(/^未满足：/, ''));
  return lines;
}

/** The title of a notice. */
export function noticeTitle(notice: RunNotice): string {
  return `双轨对账：${notice.spec.name}（${notice.run.businessDate}）`;
}

/** Markdown for WeCom and DingTalk robots. */
export function noticeMarkdown(notice: RunNotice): string {
  return [`### ${noticeTitle(notice)}`, ...noticeLines(notice).map((l) => `- ${l}`)].join('\n');
}

/** Plain text for the Feishu robot. */
export function noticeText(notice: RunNotice): string {
  return [noticeTitle(notice), ...noticeLines(notice)].join('\n');
}

/** The request body for a robot format. */
export function webhookBody(format: Exclude<WebhookFormat, 'none'>, notice: RunNotice): unknown {
  switch (format) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: noticeMarkdown(notice) } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: noticeTitle(notice), text: noticeMarkdown(notice) } };
    case 'feishu':
      return { msg_type: 'text', content: { text: noticeText(notice) } };
    case 'json':
      return {
        event: 'reconcile.run.finished',
        project: notice.project,
        spec: notice.spec,
        run: {
          id: notice.run.id,
          trigger: notice.run.trigger,
          businessDate: notice.run.businessDate,
          status: notice.run.status,
          differencesTotal: notice.run.differencesTotal,
          unexplained: notice.run.unexplained,
          newCount: notice.run.newCount,
          openCount: notice.run.openCount,
          resolvedCount: notice.run.resolvedCount,
          error: notice.run.error,
        },
        summary: notice.run.summary,
        exitCriterion: notice.exitCriterion,
      };
  }
}

/** Robot URLs carry their token in the query or the last path segment: show neither. */
export function maskWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname
      .split('/')
      .map((segment) => (segment.length >= 16 ? `${segment.slice(0, 4)}***` : segment))
      .join('/');
    const query = [...parsed.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=***`).join('&');
    const auth = parsed.username ? `${parsed.username}:***@` : '';
    return `${parsed.protocol}//${auth}${parsed.host}${path}${query ? `?${query}` : ''}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Checks a webhook URL can be used (http or https). */
export function isUsableWebhookUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Posts a notice. Never throws and never reports the URL: the result says whether the robot
 * accepted it (HTTP 2xx and, for the robots, errcode/code 0).
 */
export async function sendWebhook(
  url: string,
  format: WebhookFormat,
  notice: RunNotice,
  timeoutMs = 10_000,
): Promise<{ status: 'sent' | 'failed' | 'skipped'; error: string | null }> {
  if (format === 'none') return { status: 'skipped', error: null };
  const clean = (text: string): string => maskPasswords(text.split(url).join(maskWebhookUrl(url))).slice(0, 500);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookBody(format, notice)),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await response.text();
    if (!response.ok) return { status: 'failed', error: clean(`HTTP ${response.status}: ${text.slice(0, 200)}`) };
    if (format !== 'json') {
      let body: { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        return { status: 'failed', error: clean(`the robot answered with something that is not JSON: ${text.slice(0, 200)}`) };
      }
      const code = body.errcode ?? body.code ?? body.StatusCode ?? 0;
      if (code !== 0)
        return { status: 'failed', error: clean(`the robot refused the message: ${code} ${body.errmsg ?? body.msg ?? ''}`.trim()) };
    }
    return { status: 'sent', error: null };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : error.message) : String(error);
    return { status: 'failed', error: clean(cause?.code ? `${reason} (${cause.code})` : reason) };
  }
}
