import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const WEB = join(REPO, "web");
const BUILT = join(WEB, "dist", "index.html");

/** The newest modification time under `path` (a file or a folder), 0 when it is missing. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

/** Whether web/dist is missing or older than any source of the app. */
export function webBuildIsStale(): boolean {
  const built = newest(BUILT);
  if (built === 0) return true;
  return ["src", "public", "index.html", "vite.config.ts"].some((source) => newest(join(WEB, source)) > built);
}

/**
 * Builds the web app (as `npm run build:web`) when web/dist is missing or stale, so a fresh clone's
 * `npm start` serves a working app at `/` and a change to the app is picked up on the next start.
 * The build runs in a child process: Vite sets process.env.NODE_ENV=production in the process it
 * builds in, which would turn the server starting next into a production one (and it keeps its
 * memory to itself). Vite is a development dependency: an install without it (`--omit=dev`; the
 * Docker image builds the app in its build stage) skips this and says so.
 * @returns whether a build ran.
 */
export async function ensureWebBuilt(log: (message: string) => void = () => {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  const vite = join(REPO, "node_modules", "vite", "bin", "vite.js");
  if (!existsSync(vite)) {
    log("web app not built and Vite is not installed: run `npm run build:web` where it is");
    return false;
  }
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, "build", "--config", join(WEB, "vite.config.ts"), "--logLevel", "warn"], {
      cwd: REPO,
      // A production build whoever asks (vitest sets NODE_ENV=test, which would make the React
      // plugin emit development JSX calls that React's production build does not have).
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`building the web app failed (vite exited with ${code})`))));
  });
  log(`built the web app in ${Math.round(performance.now() - started)} ms`);
  return true;
}
