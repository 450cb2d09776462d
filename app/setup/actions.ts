"use server";

import { firstAdminSchema } from "@/lib/auth/schemas";
import { publicAction } from "@/lib/forms/public-action";
import { createFirstAdmin } from "@/lib/staff/enrolment";

// Public by necessity (nobody can be signed in yet); createFirstAdmin refuses once any staff exists.
export const setUpFirstAdmin = publicAction(
  { schema: firstAdminSchema, rateLimit: { name: "setup", limit: 10, windowSeconds: 600 } },
  createFirstAdmin,
);
