export { JobRunner, type JobRunnerOptions } from "./job-runner.js";
export { JobQueue, jobsChannel } from "./job-queue.js";
export { PlatformJobs1763769600002 } from "./jobs.migration.js";
export {
  DEFAULT_MAX_ATTEMPTS,
  retryDelayMs,
  maskedJobError,
  isPermanentFailure,
  type JobStatus,
  type JobRecord,
  type JobStepResult,
  type JobExecution,
  type JobHandler,
  type NewJob,
} from "./job.js";
