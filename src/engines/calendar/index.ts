/**
 * The working-calendar engine: one model of working days and hours (weekdays, hours, public holidays,
 * make-up days, per-resource exceptions) shared by rollout scheduling and hypercare SLAs. No server
 * imports; dates are `YYYY-MM-DD`, instants are `Date`, hours are read in the calendar's time zone.
 */
export * from './calendar-date';
export * from './china-holidays';
export * from './validate-calendar';
export * from './working-calendar';
export * from './working-days';
export * from './working-time';
export * from './zoned-time';
