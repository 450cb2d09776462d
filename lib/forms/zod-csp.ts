// Zod compiles object schemas with `new Function` when it can, and finds out whether it can by
// calling Function("") once. In the browser our Content Security Policy forbids eval, so that probe
// alone is reported as a violation. Jitless mode skips both; parsing our small forms is as fast.
// Imported for its effect by every schema module that client components reach
// (test/structure/client-imports.test.ts checks it).
import { z } from "zod";

z.config({ jitless: true });
