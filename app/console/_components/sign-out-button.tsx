"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { endCurrentSession } from "../session-actions";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          // Revoke the server-side session first, so the cookie is dead even if a copy exists.
          await endCurrentSession();
          await signOut({ callbackUrl: "/console/sign-in" });
        })
      }
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
