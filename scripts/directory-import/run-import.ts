// The first load of the identity system's customers: one customer_upserted event per line (the
// shape POST /api/v1/events takes; docs/identity-system.md). Prints progress; writes refused lines
// with their reasons to <file>.rejected.ndjson; keeps a checkpoint in <file>.progress.json after
// every batch, so a run that is stopped (Ctrl-C, a crash, a reboot) resumes where it stopped.
// Re-applying a batch is harmless (older or equal stamps change nothing), so the checkpoint only
// saves time. --restart ignores it.
import {
  createReadStream,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from "node:fs";
import pg from "pg";
import { prepareCustomerBatch, writeCustomerBatch } from "../../lib/customers/directory-import";

type Checkpoint = {
  size: number;
  mtimeMs: number;
  offset: number;
  line: number;
  applied: number;
  superseded: number;
  rejected: number;
};

export type ImportSummary = {
  lines: number;
  applied: number;
  superseded: number;
  rejected: number;
  seconds: number;
};

export async function runImport(
  file: string,
  {
    restart = false,
    batchSize = 5000,
    databaseUrl,
  }: { restart?: boolean; batchSize?: number; databaseUrl: string },
): Promise<ImportSummary> {
  const stat = statSync(file);
  const checkpointFile = `${file}.progress.json`;
  const rejectedFile = `${file}.rejected.ndjson`;

  let state: Checkpoint = {
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    offset: 0,
    line: 1,
    applied: 0,
    superseded: 0,
    rejected: 0,
  };
  if (!restart && existsSync(checkpointFile)) {
    const saved = JSON.parse(readFileSync(checkpointFile, "utf8")) as Checkpoint;
    if (saved.size === stat.size && saved.mtimeMs === stat.mtimeMs) {
      state = saved;
      console.log(
        `Resuming at line ${state.line.toLocaleString("en")} (${state.applied.toLocaleString("en")} applied so far).`,
      );
    } else {
      console.log("The file changed since the last run: starting from the beginning.");
    }
  }
  if (state.offset === 0) rmSync(rejectedFile, { force: true });

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const startLine = state.line;
  let lines: string[] = [];
  let batchBytes = 0;
  let carry = "";
  let lastReport = 0;

  // One batch is written while the next is parsed: PostgreSQL and Node each keep a core busy.
  let writing: Promise<void> = Promise.resolve();
  let nextLine = state.line;
  const flush = async () => {
    if (lines.length === 0) return;
    const prepared = prepareCustomerBatch(lines, nextLine);
    const bytes = batchBytes;
    nextLine += lines.length;
    lines = [];
    batchBytes = 0;
    await writing;
    writing = write(prepared, bytes);
  };
  const write = async (prepared: ReturnType<typeof prepareCustomerBatch>, bytes: number) => {
    await client.query("BEGIN");
    const outcome = await writeCustomerBatch(client, prepared);
    await client.query("COMMIT");
    state = {
      ...state,
      offset: state.offset + bytes,
      line: state.line + prepared.lines,
      applied: state.applied + outcome.applied,
      superseded: state.superseded + outcome.superseded,
      rejected: state.rejected + outcome.rejected.length,
    };
    if (outcome.rejected.length > 0)
      appendFileSync(rejectedFile, outcome.rejected.map((entry) => JSON.stringify(entry)).join("\n") + "\n");
    writeFileSync(checkpointFile, JSON.stringify(state));
    const now = performance.now();
    if (now - lastReport > 2_000) {
      lastReport = now;
      const done = state.line - startLine;
      console.log(
        `${(state.line - 1).toLocaleString("en")} lines · ${Math.round((done / (now - started)) * 1000).toLocaleString("en")} customers/s · ${Math.round((state.offset / stat.size) * 100)} %`,
      );
    }
  };

  for await (const chunk of createReadStream(file, { start: state.offset, highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as Buffer).toString("utf8");
    const parts = text.split("\n");
    carry = parts.pop() ?? "";
    for (const part of parts) {
      batchBytes += Buffer.byteLength(part) + 1;
      if (part.trim() !== "") lines.push(part);
      else {
        // A blank line still advances the line count for the rejection report.
        lines.push("{}");
      }
      if (lines.length >= batchSize) await flush();
    }
  }
  if (carry.trim() !== "") {
    batchBytes += Buffer.byteLength(carry);
    lines.push(carry);
  }
  await flush();
  await writing;
  await client.end();
  rmSync(checkpointFile, { force: true });
  const seconds = (performance.now() - started) / 1000;
  const done = state.line - startLine;
  console.log(
    `Done: ${state.applied.toLocaleString("en")} applied, ${state.superseded.toLocaleString("en")} unchanged (older or equal), ${state.rejected.toLocaleString("en")} refused${state.rejected ? ` (see ${rejectedFile})` : ""}. ${done.toLocaleString("en")} lines in ${seconds.toFixed(1)} s: ${Math.round(done / seconds).toLocaleString("en")} customers/s.`,
  );
  return {
    lines: done,
    applied: state.applied,
    superseded: state.superseded,
    rejected: state.rejected,
    seconds,
  };
}
