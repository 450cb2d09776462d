// Pending invitations: resent as a fresh link (emailed over a real SMTP conversation when SMTP is
// set) or revoked; both audited, and refused clearly when the invitation is no longer open.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { SmtpTransport, type NotificationTransport } from "@/lib/notifications/transports";
import { actingAs, createStaff } from "@/test/factories/staff";
import { inviteStaff, listPendingInvites, resendInvite, revokeInvite } from "./staff-admin";

const received: { to: string; subject: string; text: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
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
let smtp: SmtpTransport;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  smtp = new SmtpTransport(
    `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    "desk@desk.example",
  );
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const failing: NotificationTransport = { send: () => Promise.reject(new Error("550 mailbox unavailable")) };

async function invite(admin: Awaited<ReturnType<typeof actingAs>>, email: string) {
  const created = await inviteStaff(
    admin,
    { email, name: "New Person", role: "AGENT", reason: "Joined the team" },
    null,
  );
  if (!created.ok) throw new Error(created.message);
  const row = await getDb().staffInvite.findFirstOrThrow({
    where: { email, revokedAt: null },
    select: { id: true },
  });
  return { ...created, id: row.id };
}

async function auditOf(action: string, email: string) {
  return getDb().auditEvent.findMany({
    where: { action, targetType: "staff-invite", targetId: email },
    select: { actorId: true, reason: true, data: true },
  });
}

describe("pending invitations", () => {
  it("resends a fresh link by email; the old link stops working; audited", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const email = `resend-${Date.now()}@desk.example`;
    const first = await invite(admin, email);
    const resent = await resendInvite(admin, { inviteId: first.id, reason: "Lost the first email" }, smtp);
    expect(resent).toMatchObject({ ok: true, message: expect.stringContaining(`emailed to ${email}`) });
    if (!resent.ok || !resent.data) throw new Error("no link");
    expect(resent.data.path).not.toBe(first.data?.path);

    const mail = received.find((message) => message.to === email);
    expect(mail?.subject).toBe("Your invitation to the Account Security Desk");
    expect(mail?.text).toContain(resent.data.path);

    const rows = await getDb().staffInvite.findMany({
      where: { email },
      select: { id: true, revokedAt: true },
    });
    expect(rows.find((row) => row.id === first.id)?.revokedAt).not.toBeNull();
    expect(rows.filter((row) => row.revokedAt === null)).toHaveLength(1);
    expect(await auditOf("staff.invite.resent", email)).toEqual([
      {
        actorId: admin.staff.id,
        reason: "Lost the first email",
        data: { replacedInviteId: first.id, role: "AGENT" },
      },
    ]);
  });

  it("says so when there is no SMTP, or when the email fails, and still hands over the link", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const email = `nosmtp-${Date.now()}@desk.example`;
    const first = await invite(admin, email);
    expect(first.message).toContain("Send them the link below.");
    const resent = await resendInvite(admin, { inviteId: first.id, reason: "Lost the first email" }, failing);
    expect(resent).toMatchObject({ ok: true, message: expect.stringContaining("Emailing it failed") });
    expect(resent.ok && resent.data?.path).toMatch(/^\/invite\//);
  });

  it("revokes an open invitation once; a second revoke or a resend is refused and writes nothing", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const email = `revoke-${Date.now()}@desk.example`;
    const first = await invite(admin, email);
    expect(
      await revokeInvite(admin, { inviteId: first.id, reason: "Sent to the wrong address" }),
    ).toMatchObject({
      ok: true,
    });
    expect((await listPendingInvites()).map((row) => row.id)).not.toContain(first.id);
    expect(await revokeInvite(admin, { inviteId: first.id, reason: "Again" })).toMatchObject({
      ok: false,
      message: "That invitation was already revoked or replaced by a newer one.",
    });
    expect(await resendInvite(admin, { inviteId: first.id, reason: "Again" }, null)).toMatchObject({
      ok: false,
    });
    expect(await auditOf("staff.invite.revoked", email)).toHaveLength(1);
    expect(await auditOf("staff.invite.resent", email)).toHaveLength(0);
    expect(
      await revokeInvite(admin, { inviteId: "00000000-0000-4000-8000-000000000000", reason: "Unknown" }),
    ).toMatchObject({ ok: false, message: "That invitation does not exist." });
  });

  it("lists an expired invitation so it can be resent, and renews it", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const email = `expired-${Date.now()}@desk.example`;
    const first = await invite(admin, email);
    await getDb().staffInvite.update({
      where: { id: first.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect((await listPendingInvites()).map((row) => row.id)).toContain(first.id);
    const resent = await resendInvite(admin, { inviteId: first.id, reason: "It expired" }, null);
    expect(resent.ok).toBe(true);
    const open = await getDb().staffInvite.findFirstOrThrow({ where: { email, revokedAt: null } });
    expect(open.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses to resend to someone who already has an account", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const email = `joined-${Date.now()}@desk.example`;
    const first = await invite(admin, email);
    await createStaff({ email });
    expect(await resendInvite(admin, { inviteId: first.id, reason: "Lost it" }, null)).toMatchObject({
      ok: false,
      message: `${email} already has an account.`,
    });
  });
});
