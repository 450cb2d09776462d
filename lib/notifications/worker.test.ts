import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { SmtpTransport, type NotificationTransport } from "./transports";
import { MAX_ATTEMPTS, processOutbox } from "./worker";

// A real SMTP server on a free loopback port: the transport has a real conversation with it.
const received: { to: string; subject: string; text: string }[] = [];
let rejectNext = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    if (rejectNext > 0) {
      rejectNext -= 1;
      stream.resume();
      stream.on("end", () =>
        callback(Object.assign(new Error("451 try again later"), { responseCode: 451 })),
      );
      return;
    }
    void simpleParser(stream).then((mail) => {
      received.push({
        to: session.envelope.rcptTo[0]?.address ?? "",
        subject: mail.subject ?? "",
        text: mail.text ?? "",
      });
      callback();
    });
  },
});
let smtpUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  smtpUrl = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function queue(channel: "EMAIL" | "SMS", destination: string) {
  return getDb().notification.create({
    data: {
      channel,
      destination,
      template: "factor-reset",
      subject: "Your sign-in security was reset",
      body: "Not you? https://desk.example/not-me/abc",
    },
    select: { id: true },
  });
}

const smsSink: NotificationTransport = { send: () => Promise.resolve("sms sink") };

describe("notification worker", () => {
  it("sends email over SMTP and marks it sent", async () => {
    const { id } = await queue("EMAIL", "olivia@example.com");
    const run = await processOutbox({
      EMAIL: new SmtpTransport(smtpUrl, "Security <security@desk.example>"),
      SMS: smsSink,
    });
    expect(run.sent).toBe(1);
    expect(received.at(-1)).toMatchObject({
      to: "olivia@example.com",
      subject: "Your sign-in security was reset",
    });
    expect(received.at(-1)?.text).toContain("/not-me/");
    expect((await getDb().notification.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
  });

  it("retries with backoff when the server refuses, then sends", async () => {
    const { id } = await queue("EMAIL", "retry@example.com");
    rejectNext = 1;
    const transports = { EMAIL: new SmtpTransport(smtpUrl, "security@desk.example"), SMS: smsSink };
    expect(await processOutbox(transports)).toMatchObject({ sent: 0, retrying: 1 });
    const after = await getDb().notification.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(after.lastError).toMatch(/451/);
    expect(after.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: a run now leaves it alone.
    expect(await processOutbox(transports)).toMatchObject({ sent: 0, retrying: 0 });
    await getDb().notification.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    expect(await processOutbox(transports)).toMatchObject({ sent: 1 });
    expect(received.at(-1)?.to).toBe("retry@example.com");
  });

  it("gives up after the last attempt and never sends a message twice when two workers race", async () => {
    const failing: NotificationTransport = { send: () => Promise.reject(new Error("provider down")) };
    const { id } = await queue("SMS", "+447700900123");
    await getDb().notification.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    expect(await processOutbox({ EMAIL: failing, SMS: failing })).toMatchObject({ failed: 1 });
    expect((await getDb().notification.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");

    let sends = 0;
    const counting: NotificationTransport = { send: () => Promise.resolve(String(++sends)) };
    await Promise.all([
      queue("SMS", "+447700900001"),
      queue("SMS", "+447700900002"),
      queue("SMS", "+447700900003"),
    ]);
    await Promise.all([
      processOutbox({ EMAIL: counting, SMS: counting }),
      processOutbox({ EMAIL: counting, SMS: counting }),
    ]);
    expect(sends).toBe(3);
  });
});
