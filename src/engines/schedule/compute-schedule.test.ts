import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultChinaCalendar } from '../calendar/china-holidays';
import { CalendarIndex } from '../calendar/working-calendar';
import { computeSchedule } from './compute-schedule';
import type { PlanDependency, PlanTask, Schedule } from './schedule-model';

/** Monday to Friday, no holidays: the figures of the textbook example read directly. */
const plain = new CalendarIndex({ ...defaultChinaCalendar(), holidays: [], makeUpDays: [] });
const china = new CalendarIndex(defaultChinaCalendar());

const fs = (predecessorId: string, successorId: string, lagDays = 0): PlanDependency => ({
  predecessorId,
  successorId,
  type: 'FS',
  lagDays,
});

function schedule(tasks: PlanTask[], deps: PlanDependency[], index = plain, start = '2026-03-02', mustFinishBy?: string): Schedule {
  const result = computeSchedule(index, start, tasks, deps, { mustFinishBy });
  if (!result.schedule) throw new Error(JSON.stringify(result.problem));
  return result.schedule;
}
const task = (s: Schedule, id: string) => s.tasks.find((t) => t.id === id)!;

// A 3d → B 2d, C 4d → D 1d → M (milestone).
const BASE: PlanTask[] = [
  { id: 'A', durationDays: 3 },
  { id: 'B', durationDays: 2 },
  { id: 'C', durationDays: 4 },
  { id: 'D', durationDays: 1 },
  { id: 'M', durationDays: 0 },
];
const BASE_DEPS = [fs('A', 'B'), fs('A', 'C'), fs('B', 'D'), fs('C', 'D'), fs('D', 'M')];

describe('computeSchedule', () => {
  it('computes early and late dates, float and the critical path', () => {
    const s = schedule(BASE, BASE_DEPS);
    expect(task(s, 'A')).toMatchObject({ earlyStart: '2026-03-02', earlyFinish: '2026-03-04', totalFloat: 0, critical: true });
    expect(task(s, 'B')).toMatchObject({
      earlyStart: '2026-03-05',
      earlyFinish: '2026-03-06',
      lateStart: '2026-03-09',
      lateFinish: '2026-03-10',
      totalFloat: 2,
      freeFloat: 2,
      critical: false,
    });
    expect(task(s, 'C')).toMatchObject({ earlyStart: '2026-03-05', earlyFinish: '2026-03-10', critical: true });
    expect(task(s, 'D')).toMatchObject({ earlyStart: '2026-03-11', earlyFinish: '2026-03-11', critical: true });
    expect(task(s, 'M')).toMatchObject({ earlyStart: '2026-03-11', earlyFinish: '2026-03-11', critical: true });
    expect(s.criticalPath).toEqual(['A', 'C', 'D', 'M']);
    expect(s.projectFinish).toBe('2026-03-11');
  });

  it.each<[string, PlanDependency, string, string]>([
    ['start-to-start with a lag of 1', { predecessorId: 'A', successorId: 'E', type: 'SS', lagDays: 1 }, '2026-03-03', '2026-03-04'],
    ['finish-to-finish', { predecessorId: 'A', successorId: 'E', type: 'FF', lagDays: 0 }, '2026-03-03', '2026-03-04'],
    ['finish-to-start with a lead of 1', { predecessorId: 'A', successorId: 'E', type: 'FS', lagDays: -1 }, '2026-03-04', '2026-03-05'],
    ['finish-to-start with a lag of 2', { predecessorId: 'A', successorId: 'E', type: 'FS', lagDays: 2 }, '2026-03-09', '2026-03-10'],
    ['start-to-finish with a lag of 3', { predecessorId: 'A', successorId: 'E', type: 'SF', lagDays: 3 }, '2026-03-03', '2026-03-04'],
  ])('schedules %s', (_, dep, start, finish) => {
    const s = schedule([...BASE, { id: 'E', durationDays: 2 }], [...BASE_DEPS, dep]);
    expect(task(s, 'E')).toMatchObject({ earlyStart: start, earlyFinish: finish });
  });

  it('moving a task (start no earlier than) reschedules its successors and can make it critical', () => {
    const moved = BASE.map((t) =>
      t.id === 'C' ? { ...t, constraint: { type: 'start_no_earlier_than' as const, date: '2026-03-09' } } : t,
    );
    const s = schedule(moved, BASE_DEPS);
    expect(task(s, 'C')).toMatchObject({ earlyStart: '2026-03-09', earlyFinish: '2026-03-12' });
    expect(task(s, 'D').earlyStart).toBe('2026-03-13');
    expect(task(s, 'M').earlyFinish).toBe('2026-03-13');
  });

  it('shows negative float when a task must finish before it can', () => {
    const late = BASE.map((t) => (t.id === 'D' ? { ...t, constraint: { type: 'finish_no_later_than' as const, date: '2026-03-10' } } : t));
    const s = schedule(late, BASE_DEPS);
    expect(task(s, 'D').totalFloat).toBe(-1);
    expect(task(s, 'A').totalFloat).toBe(-1);
    expect(task(s, 'B').totalFloat).toBe(1);
  });

  it('measures float against a project deadline', () => {
    const s = schedule(BASE, BASE_DEPS, plain, '2026-03-02', '2026-03-13');
    expect(task(s, 'A').totalFloat).toBe(2);
    expect(task(s, 'A').critical).toBe(false);
  });

  it('keeps actual dates: a late start moves everything after it', () => {
    const started = BASE.map((t) => (t.id === 'A' ? { ...t, actualStart: '2026-03-03' } : t));
    const s = schedule(started, BASE_DEPS);
    expect(task(s, 'A')).toMatchObject({ earlyStart: '2026-03-03', earlyFinish: '2026-03-05' });
    expect(task(s, 'M').earlyFinish).toBe('2026-03-12');
    const finished = BASE.map((t) => (t.id === 'A' ? { ...t, actualStart: '2026-03-02', actualFinish: '2026-03-03' } : t));
    expect(task(schedule(finished, BASE_DEPS), 'C').earlyStart).toBe('2026-03-04');
  });

  it('counts working days on the Chinese calendar: make-up Saturday in, Spring Festival out', () => {
    const s = schedule(
      [
        { id: 'K', durationDays: 3 },
        { id: 'L', durationDays: 1 },
      ],
      [fs('K', 'L')],
      china,
      '2026-02-13',
    );
    expect(task(s, 'K')).toMatchObject({ earlyStart: '2026-02-13', earlyFinish: '2026-02-24' });
    expect(task(s, 'L').earlyStart).toBe('2026-02-25');
  });

  it('starts on the first working day when the project starts on a holiday', () => {
    const s = schedule([{ id: 'K', durationDays: 1 }], [], china, '2026-10-01');
    expect(s.projectStart).toBe('2026-10-08');
    expect(task(s, 'K').earlyStart).toBe('2026-10-08');
  });

  it.each<[string, PlanDependency[], string]>([
    ['a cycle, naming it', [fs('A', 'B'), fs('B', 'C'), fs('C', 'A')], 'cycle'],
    ['a task depending on itself', [fs('A', 'A')], 'self_dependency'],
    ['an unknown task', [fs('A', 'Z')], 'unknown_task'],
    ['the same dependency twice', [fs('A', 'B'), fs('A', 'B')], 'duplicate_dependency'],
  ])('refuses %s', (_, deps, code) => {
    const result = computeSchedule(plain, '2026-03-02', BASE, deps);
    expect(result.problem?.code).toBe(code);
    if (result.problem?.code === 'cycle') {
      const ids = result.problem.taskIds;
      expect(ids[0]).toBe(ids[ids.length - 1]);
      expect(new Set(ids)).toEqual(new Set(['A', 'B', 'C']));
    }
  });
});

describe('computeSchedule properties', () => {
  // Random DAGs: dependencies only from a lower to a higher index.
  const plan = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }),
      deps: fc.uniqueArray(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          type: fc.constantFrom('FS', 'SS', 'FF', 'SF' as const),
          lag: fc.integer({ min: -2, max: 3 }),
        }),
        { selector: (d) => `${Math.min(d.a, d.b)}-${Math.max(d.a, d.b)}`, maxLength: 40 },
      ),
    }),
  );

  it('never has negative float without constraints, and a critical path reaches the finish', () => {
    fc.assert(
      fc.property(plan, ({ durations, deps }) => {
        const tasks = durations.map((d, i) => ({ id: `T${i}`, durationDays: d }));
        const dependencies = deps
          .filter((d) => d.a !== d.b)
          .map((d) => ({ predecessorId: `T${Math.min(d.a, d.b)}`, successorId: `T${Math.max(d.a, d.b)}`, type: d.type, lagDays: d.lag }));
        const result = computeSchedule(plain, '2026-03-02', tasks, dependencies);
        expect(result.problem).toBeNull();
        const s = result.schedule!;
        for (const t of s.tasks) expect(t.totalFloat).toBeGreaterThanOrEqual(0);
        expect(s.criticalPath.length).toBeGreaterThan(0);
        expect(s.tasks.some((t) => t.critical && t.earlyFinish === s.projectFinish)).toBe(true);
        for (const t of s.tasks) expect(t.earlyStart <= t.lateStart).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
