/** Benchmark settings from the environment: a bad value stops the run before anything starts. */

export function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

/** A comma list of positive whole numbers, e.g. client counts; `ascending` when each run builds on the one before. */
export function positiveIntegers(name: string, fallback: string, { ascending = false } = {}): number[] {
  const values = (process.env[name] ?? fallback).split(",").map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((n, i) => !Number.isInteger(n) || n <= 0 || (ascending && i > 0 && n < values[i - 1]!)))
    throw new Error(`${name} must be a comma list of${ascending ? " ascending" : ""} positive whole numbers`);
  return values;
}
