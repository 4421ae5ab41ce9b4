import { z } from "zod";

/**
 * Runs in the browser before the app (Next.js's client instrumentation file). zod compiles object
 * schemas with `new Function` when it may, and first probes whether it may: under the app's
 * Content Security Policy (no 'unsafe-eval', next.config.mjs) that probe is a CSP violation on
 * every page. Jitless, zod never probes; parsing stays correct, a little slower.
 */
z.config({ jitless: true });
