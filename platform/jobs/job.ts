import type { EntityManager } from "typeorm";

import { isClientError } from "../errors/errors.js";

export type JobStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";

/** A job as its handler sees it: what was asked (payload) and how far it got (cursor, committed). */
export interface JobRecord<Payload = unknown, Cursor = unknown> {
  id: string;
  userId: string | null;
  kind: string;
  payload: Payload;
  /** null before the first step committed. */
  cursor: Cursor | null;
  attempts: number;
}

/** What one step did: the new cursor (and optional progress), committed with the step's effects. */
export interface JobStepResult<Cursor = unknown> {
  cursor: Cursor;
  progress?: Record<string, unknown>;
  /** true: the job is COMPLETED in this same transaction. */
  done: boolean;
}

/**
 * One run of a job in this process. In-memory state (a parser positioned after the cursor, caches)
 * lives here between steps; it is dropped after any failure and rebuilt by `open` from the
 * committed cursor, so memory never runs ahead of what the database holds.
 */
export interface JobExecution<Cursor = unknown> {
  /** One bounded piece of work; everything it writes goes through `manager` (the step's transaction). */
  step(manager: EntityManager): Promise<JobStepResult<Cursor>>;
  close?(): void | Promise<void>;
}

export interface JobHandler<Payload = unknown, Cursor = unknown> {
  kind: string;
  /** Starts (or resumes, from `job.cursor`) a run. Must not write: writes belong in steps. */
  open(job: JobRecord<Payload, Cursor>): JobExecution<Cursor> | Promise<JobExecution<Cursor>>;
  /** Runs in the transaction that marks the job FAILED (e.g. to mark the domain record failed). */
  failed?(manager: EntityManager, job: JobRecord<Payload, Cursor>, message: string): Promise<void>;
  /** Unexpected failures (and runs lost with their instance) before the job is FAILED; default 3. */
  maxAttempts?: number;
}

export interface NewJob<Payload = unknown> {
  kind: string;
  userId: string | null;
  payload: Payload;
  /** Given when the caller needs the id before the insert (e.g. to name it elsewhere). */
  id?: string;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s, ... capped at a minute. */
export function retryDelayMs(attempt: number, baseMs = 1_000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * What a job's `error` column (and so its user) may see: an error written for clients keeps its
 * message; anything else is replaced, with the job id to find the log line.
 */
export function maskedJobError(error: unknown, jobId: string): string {
  if (isClientError(error)) return error.message;
  return `the job stopped on an unexpected error (job ${jobId})`;
}

/** Whether a failure ends the job at once (a client error will not go away by retrying). */
export function isPermanentFailure(error: unknown): boolean {
  return isClientError(error);
}
