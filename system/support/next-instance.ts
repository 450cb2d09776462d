// One production server (our HTTP server, scripts/launch/serve.ts, on the build in .next), as a child process the
// system tests can start, SIGKILL, restart on the same port and stop. Each server runs in its own
// process group, so killing the group also ends any worker Next spawned; a group still alive when
// the test process ends is killed (cleanup.ts), so a failed test leaves no stray server behind.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { onTestProcessEnd } from "./cleanup";

const TSX_BIN = path.resolve("node_modules/.bin/tsx");
const SERVER = path.resolve("scripts/launch/serve.ts");

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export type NextInstanceOptions = {
  name: string;
  port: number;
  /** Variables on top of a minimal production environment (DATABASE_URL, secrets, limits). */
  env: Record<string, string>;
  /** Folder for `<name>.log`: the server's stdout and stderr, for reading after a failure. */
  logDir: string;
};

export class NextInstance {
  readonly baseURL: string;
  private child: ChildProcess | null = null;

  constructor(private readonly options: NextInstanceOptions) {
    this.baseURL = `http://127.0.0.1:${options.port}`;
  }

  get name(): string {
    return this.options.name;
  }

  /** The server's process id while it runs (a restart gives a new one). */
  get pid(): number | null {
    return this.child && this.child.exitCode === null && this.child.signalCode === null
      ? (this.child.pid ?? null)
      : null;
  }

  async start(): Promise<void> {
    if (this.pid !== null) throw new Error(`${this.name} is already running`);
    mkdirSync(this.options.logDir, { recursive: true });
    const log = createWriteStream(path.join(this.options.logDir, `${this.name}.log`), { flags: "a" });
    const child = spawn(
      TSX_BIN,
      [SERVER, "start", "--port", String(this.options.port), "--hostname", "127.0.0.1"],
      {
        // Only what a deployment would set: the test runner's own variables (NODE_ENV=test, VITEST...)
        // must not leak into the server.
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "/tmp",
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          ...this.options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    const pid = child.pid;
    if (pid === undefined) throw new Error(`Could not start ${this.name}`);
    const forget = onTestProcessEnd(() => killGroup(pid, "SIGKILL"));
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on("exit", () => {
      // The group may outlive its leader (a worker): make sure it is gone too.
      killGroup(pid, "SIGKILL");
      forget();
    });
    this.child = child;
    await this.waitUntilHealthy();
  }

  /** Polls /api/health until it answers 200; fails at once if the process dies first. */
  async waitUntilHealthy(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.pid === null)
        throw new Error(
          `${this.name} exited before it was healthy (see ${this.name}.log in ${this.options.logDir})`,
        );
      try {
        const response = await fetch(`${this.baseURL}/api/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await delay(200);
    }
    throw new Error(`${this.name} was not healthy within ${timeoutMs / 1000} s`);
  }

  /** SIGKILL: no shutdown of any kind, as when a machine or container dies. */
  async kill(): Promise<void> {
    await this.signalAndWait("SIGKILL", 10_000);
  }

  /** SIGTERM, then SIGKILL if the server has not exited after 10 s. */
  async stop(): Promise<void> {
    if (this.pid === null) return;
    const exited = await this.signalAndWait("SIGTERM", 10_000);
    if (!exited) await this.signalAndWait("SIGKILL", 10_000);
  }

  private async signalAndWait(signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
    const child = this.child;
    if (!child?.pid || this.pid === null) return true;
    const exited = new Promise<boolean>((resolve) => child.once("exit", () => resolve(true)));
    killGroup(child.pid, signal);
    return Promise.race([exited, delay(timeoutMs).then(() => false)]);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
