/**
 * The scheduling engine: the critical path method (forward and backward pass, FS/SS/FF/SF with lag
 * or lead, constraints, actual dates) on a working calendar of the calendar engine. No server imports.
 */
export * from './compute-schedule';
export * from './day-line';
export * from './plan-order';
export * from './schedule-model';
