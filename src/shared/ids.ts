import { randomUUID } from 'node:crypto';

/** A new random identifier (UUID v4 text), used as the primary key of every table. */
export function newId(): string {
  return randomUUID();
}

/** The current instant as ISO-8601 UTC text, the storage format of every timestamp. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's calendar date (UTC) as `YYYY-MM-DD`. */
export function todayDate(): string {
  return new Date().toISOString().slice(0, 10);
}
