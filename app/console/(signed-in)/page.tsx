import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Console" };

export default async function ConsoleHome() {
  const staff = await requireStaff();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Hello, {staff.name}</h1>
      <section
        aria-labelledby="rule"
        className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <h2 id="rule" className="font-semibold">
          The one rule
        </h2>
        <p className="mt-1">
          Support never asks a customer for a one-time code, a password or card details. If a caller offers a
          code, stop them and do not write it down anywhere.
        </p>
      </section>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="font-semibold">
            <Link href="/console/customers" className="text-blue-700 underline dark:text-blue-300">
              Find a customer
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Sign-in attempts, codes sent, sessions and what looks wrong.
          </p>
        </li>
        <li className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="font-semibold">
            <Link href="/console/account" className="text-blue-700 underline dark:text-blue-300">
              My account
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Your sessions, recent sign-ins, and sign-out everywhere.
          </p>
        </li>
        {can(staff, "staff:manage") ? (
          <li className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 className="font-semibold">
              <Link href="/console/staff" className="text-blue-700 underline dark:text-blue-300">
                Staff
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              Invite staff, change roles, unlock and deactivate accounts.
            </p>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
