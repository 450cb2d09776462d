// Structured logs: one JSON object per line on stdout (info, debug) or stderr (warn, error), so a
// log shipper can parse them without rules. Callers pass an event name and plain fields; fields
// whose names suggest a secret are replaced before writing, as a second line of defence: callers
// must still never pass passwords, one-time codes, TOTP secrets, API keys or session tokens.
import { env } from "@/lib/env";
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** A field named like a secret (password, totpSecret, apiKey, sessionToken, code, …). */
const SECRET_FIELD = /^code$|pass(word)?|secret|token|otp|api[-_]?key|authori[sz]ation|cookie/i;

function threshold(): number {
  const configured = env().LOG_LEVEL;
  return configured === "silent" ? Number.POSITIVE_INFINITY : LEVELS[configured];
}

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(key)) safe[key] = "[redacted]";
    else if (value instanceof Error) safe[key] = { name: value.name, message: value.message };
    else safe[key] = value;
  }
  return safe;
}

export function formatLogLine(
  level: Level,
  event: string,
  fields: Record<string, unknown> = {},
  now = new Date(),
): string {
  return JSON.stringify({ time: now.toISOString(), level, event, ...redact(fields) });
}

function write(level: Level, event: string, fields?: Record<string, unknown>): void {
  if (LEVELS[level] < threshold()) return;
  const line = `${formatLogLine(level, event, fields)}\n`;
  if (LEVELS[level] >= LEVELS.warn) process.stderr.write(line);
  else process.stdout.write(line);
}

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
