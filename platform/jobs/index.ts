export {
  DEFAULT_MAX_ATTEMPTS,
  isPermanentFailure,
  type JobExecution,
  type JobHandler,
  type JobRecord,
  type JobStatus,
  type JobStepResult,
  maskedJobError,
  type NewJob,
  retryDelayMs,
} from "./job.js";
export { JobQueue, jobsChannel } from "./job-queue.js";
export { JobRunner, type JobRunnerOptions } from "./job-runner.js";
export { PlatformJobs1763769600002 } from "./jobs.migration.js";
export { repeatEvery, type Repeating } from "./repeating.js";
