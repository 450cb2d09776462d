// Vitest global setup of the system tests: they run the production build, so without one they
// stop at once with the command that makes it, instead of failing later in a way that hides why.
import { existsSync } from "node:fs";

export default function requireBuild(): void {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error(
      "The system tests run the production build, and .next has none. Run `npm run build` first (npm test does).",
    );
  }
}
