import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { listPendingInvites, listStaff, type StaffListItem } from "@/lib/staff/staff-admin";
import { meetsSignInPolicy, phishingResistantRequired } from "@/lib/auth/sign-in-policy";
import { signInPolicyView } from "@/lib/staff/sign-in-policy";
import { SignInPolicyForm } from "./_components/sign-in-policy-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { InviteActions } from "./_components/invite-actions";
import { InviteForm } from "./_components/invite-form";
import { StaffActions } from "./_components/staff-actions";

export const metadata: Metadata = { title: "Staff" };

const STATUS: Record<StaffListItem["status"], { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "green" },
  locked: { label: "Locked", tone: "amber" },
  deactivated: { label: "Deactivated", tone: "neutral" },
  "needs-enrolment": { label: "Must re-enrol", tone: "amber" },
};

export default async function StaffPage() {
  const admin = await requireStaff("staff:manage");
  const [staff, invites, policy] = await Promise.all([listStaff(), listPendingInvites(), signInPolicyView()]);
  // Expired invitations stay listed a while, so an admin can send a fresh link.
  const now = Date.now();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">Staff</h1>
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          Every change here needs a reason and a fresh authenticator code, and is recorded in the audit log.
          Changing someone&apos;s role or access signs them out everywhere.
        </p>
      </div>
      <section
        aria-labelledby="invite-title"
        className="space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="invite-title" className="text-lg font-semibold">
          Invite someone
        </h2>
        <InviteForm />
      </section>
      <section
        aria-labelledby="policy-title"
        className="space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="policy-title" className="text-lg font-semibold">
          Sign-in policy
        </h2>
        {policy.updatedAt ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Last changed <Time date={policy.updatedAt} timeZone={admin.timeZone} relative />
            {policy.updatedByName ? ` by ${policy.updatedByName}` : ""}.
          </p>
        ) : null}
        <SignInPolicyForm policy={policy} candidates={policy.breakGlassCandidates} ssoName={policy.ssoName} />
      </section>
      <section aria-labelledby="team-title" className="space-y-3">
        <h2 id="team-title" className="text-lg font-semibold">
          Team ({staff.length})
        </h2>
        <ul className="space-y-3">
          {staff.map((member) => (
            <li
              key={member.id}
              data-testid={`staff-${member.email}`}
              className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-semibold">{member.name}</span>
                <span className="text-slate-600 dark:text-slate-400">{member.email}</span>
                <Badge tone="blue">{member.role.toLowerCase()}</Badge>
                <Badge tone={STATUS[member.status].tone}>{STATUS[member.status].label}</Badge>
                <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="sign-in-methods">
                  Signs in with: {describeSignInMethods(member.signInMethods)}
                </span>
                {member.id === policy.breakGlassStaffId ? (
                  <Badge tone="red">break-glass</Badge>
                ) : phishingResistantRequired(member, policy) ? (
                  meetsSignInPolicy({ ...member, ...member.signInMethods }, policy) ? (
                    <Badge tone="green">meets sign-in policy</Badge>
                  ) : (
                    <Badge tone="amber">needs a passkey</Badge>
                  )
                ) : null}
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  Last sign-in:{" "}
                  {member.lastSignInAt ? (
                    <Time date={member.lastSignInAt} timeZone={admin.timeZone} relative />
                  ) : (
                    "never"
                  )}
                </span>
              </div>
              {member.id === admin.id ? (
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                  This is you. Another administrator manages your account.
                </p>
              ) : (
                <div className="mt-3">
                  <StaffActions member={member} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="pending-title" className="space-y-3">
        <h2 id="pending-title" className="text-lg font-semibold">
          Pending invitations
        </h2>
        {invites.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No invitations waiting.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {invites.map((invite) => (
              // Keyed by address: a resent invitation is a new row, but its forms (and the new link
              // they show once) must stay mounted.
              <li
                key={invite.email}
                className="flex flex-wrap items-baseline gap-x-4 gap-y-2 py-2 text-sm"
                data-testid="pending-invite"
              >
                <span className="font-medium">{invite.name}</span>
                <span>{invite.email}</span>
                <Badge tone="blue">{invite.role.toLowerCase()}</Badge>
                {invite.expiresAt.getTime() > now ? (
                  <span>
                    expires <Time date={invite.expiresAt} timeZone={admin.timeZone} relative />
                  </span>
                ) : (
                  <Badge tone="amber">
                    expired <Time date={invite.expiresAt} timeZone={admin.timeZone} relative />
                  </Badge>
                )}
                <InviteActions invite={{ id: invite.id, email: invite.email }} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function describeSignInMethods({ passwordAndCode, passkeys, sso }: StaffListItem["signInMethods"]): string {
  const methods = [
    ...(passwordAndCode ? ["password + code"] : []),
    ...(passkeys > 0 ? [`${passkeys} passkey${passkeys === 1 ? "" : "s"}`] : []),
    ...(sso ? ["single sign-on"] : []),
  ];
  return methods.length > 0 ? methods.join(", ") : "nothing yet";
}
