/**
 * Events main sends to the renderer besides menu commands: progress of long tasks. They travel
 * on the one event channel as plain data and are checked on arrival like everything else.
 */

/** Progress of a long task the renderer started (an export), identified by the id it chose. */
export interface TaskProgress {
  readonly type: 'progress';
  readonly taskId: string;
  /** Steps done so far, out of `total`. */
  readonly done: number;
  readonly total: number;
  /** What is happening now, in words ("Printing the PDF…"). */
  readonly label: string;
}

/** The ids the renderer may choose for a task: short, plain. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value received from main is a well-formed progress event. */
export function isTaskProgress(value: unknown): value is TaskProgress {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    p.type === 'progress' &&
    typeof p.taskId === 'string' &&
    TASK_ID_PATTERN.test(p.taskId) &&
    Number.isInteger(p.done) &&
    Number.isInteger(p.total) &&
    (p.done as number) >= 0 &&
    (p.done as number) <= (p.total as number) &&
    typeof p.label === 'string' &&
    p.label.length <= 200
  );
}
