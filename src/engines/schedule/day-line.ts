import type { CalendarIndex } from '../calendar/working-calendar';
import { addWorkingDays, nearestWorkingDay, workingDaysBetween } from '../calendar/working-days';

/**
 * Working days as points on a line, so the passes add integers instead of walking the calendar:
 * point p is the beginning of the p-th working day after the origin (the project's first working
 * day). A task of D days occupies [start, start + D); its finish date is the day before its end point.
 */
export class DayLine {
  readonly origin: string;
  private readonly dates = new Map<number, string>();
  private readonly points = new Map<string, number>();

  constructor(
    private readonly index: CalendarIndex,
    projectStart: string,
  ) {
    this.origin = nearestWorkingDay(index, projectStart);
  }

  /** The date of working day `point` (its beginning). */
  dateAt(point: number): string {
    let date = this.dates.get(point);
    if (date === undefined) {
      date = addWorkingDays(this.index, this.origin, point);
      this.dates.set(point, date);
    }
    return date;
  }

  /** The finish date of work ending at `point`: the last working day before it. */
  finishDateAt(point: number): string {
    return this.dateAt(point - 1);
  }

  private ordinal(workingDay: string): number {
    let point = this.points.get(workingDay);
    if (point === undefined) {
      point = workingDaysBetween(this.index, this.origin, workingDay);
      this.points.set(workingDay, point);
    }
    return point;
  }

  /** The point work can start on a date (the next working day when the date is not worked). */
  startPointOf(date: string): number {
    return this.ordinal(nearestWorkingDay(this.index, date, 1));
  }

  /** The point work finished on a date ends at (after the last working day on or before it). */
  finishPointOf(date: string): number {
    return this.ordinal(nearestWorkingDay(this.index, date, -1)) + 1;
  }
}
