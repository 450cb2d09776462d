"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { forgetRecentItems } from "./recent-items";

/** next-auth's sign-out: clears the cookie, and its signOut event ends the server-side session row. */
export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() => {
        forgetRecentItems();
        startTransition(() => signOut({ callbackUrl: "/console/sign-in" }));
      }}
    >
      {pending ? "Signing out…" : label}
    </Button>
  );
}
