// `npm run test:mutation [module...]`: runs Stryker once per module of `stryker/modules.mjs` (all of
// them when none is named), each with its own incremental file, so scoring one module never
// discards another's results and two people can score different modules without a merge conflict.
// Prints the score of each module at the end, as the README's table reports it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

import { modules } from "./modules.mjs";

const named = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("-"));
for (const name of named) if (!modules[name]) throw new Error(`unknown module ${name}; one of ${Object.keys(modules).join(", ")}`);
const selection = named.length > 0 ? named : Object.keys(modules);

/** Stryker's mutation score: detected (killed or timed out) over every mutant that a test could have caught. */
function score(report) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files))
    for (const mutant of file.mutants) if (mutant.status in counts) counts[mutant.status] += 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, score: valid === 0 ? NaN : (100 * detected) / valid };
}

const results = [];
for (const name of selection) {
  const started = Date.now();
  const run = spawnSync("npx", ["stryker", "run", ...passThrough], { stdio: "inherit", env: { ...process.env, STRYKER_MODULES: name } });
  const seconds = Math.round((Date.now() - started) / 1000);
  const reportFile = `reports/mutation/${name}.json`;
  if (run.status !== 0 || !existsSync(reportFile)) {
    results.push(`${name}: Stryker failed (exit ${run.status}) after ${seconds} s`);
    continue;
  }
  const s = score(JSON.parse(readFileSync(reportFile, "utf8")));
  results.push(
    `${name}: ${s.score.toFixed(1)} % (${s.Killed} killed, ${s.Timeout} timed out, ${s.Survived} survived, ${s.NoCoverage} no coverage) in ${seconds} s`,
  );
}
console.log(`\nmutation scores\n${results.join("\n")}`);
if (results.some((line) => line.includes("Stryker failed"))) process.exitCode = 1;
