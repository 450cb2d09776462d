import "server-only";
import { getDb } from "./client";

export type DatabaseHealth = { status: "up"; latencyMs: number } | { status: "down"; error: string };

/** Round-trips to PostgreSQL with a deadline, so a hung database cannot hang the health check. */
export async function checkDatabase(timeoutMs = 2_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
      }),
    ]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only a short, generic reason: connection errors can carry host names and user names.
    const reason = error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable";
    return { status: "down", error: reason };
  } finally {
    clearTimeout(timer);
  }
}
