import { Typography } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { ProjectContext } from './project';
import { formatZoned, getDisplayTimeZone, zonedTime } from './time-zone';

/** The zone times are shown in here: the open project's, else the display default. */
export function useDisplayTimeZone(): string {
  const project = useContext(ProjectContext);
  return project?.project.timeZone ?? getDisplayTimeZone();
}

/** `(iso) => "2026-12-07 09:30 (北京时间 UTC+8)"` in the project's zone and the UI language (re-renders on either change). */
export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const zone = useDisplayTimeZone();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (iso) => formatZoned(iso, zone, language);
}

/** A time in the project's zone with the zone named after it in secondary text; `—` for none. */
export function DateTime({ value, testId }: { value: string | null | undefined; testId?: string }) {
  const { i18n } = useTranslation();
  const zone = useDisplayTimeZone();
  const t = zonedTime(value, zone, i18n.language === 'en' ? 'en' : 'zh-CN');
  if (!t) return <span data-testid={testId}>—</span>;
  return (
    <span data-testid={testId} data-time-zone={zone} style={{ whiteSpace: 'nowrap' }}>
      {t.text}
      {t.label && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4, whiteSpace: 'normal' }}>
          ({t.label})
        </Typography.Text>
      )}
    </span>
  );
}
