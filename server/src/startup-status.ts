// What the server is still doing after it started listening (the demo load of `npm start`):
// written by the task, read by /health, so a user sees the load's progress instead of a server
// that is not there yet. One process-wide record per task; cleared only by the task itself.
export interface TaskStatus {
  state: 'generating' | 'ingesting' | 'detecting' | 'done' | 'failed';
  /** The file being ingested, its rows read so far and the estimate of its rows. */
  file?: string;
  rows?: number;
  estimatedRows?: number;
  filesDone?: number;
  files?: number;
  startedAt: string;
  seconds?: number;
  rings?: number;
  error?: string;
}

const tasks = new Map<string, TaskStatus>();

export function reportTask(name: string, status: TaskStatus): void {
  tasks.set(name, status);
}

export function startupTasks(): Record<string, TaskStatus> | undefined {
  return tasks.size ? Object.fromEntries(tasks) : undefined;
}
