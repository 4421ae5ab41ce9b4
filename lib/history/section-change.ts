import { z } from "zod";

/**
 * What one revision changed in one section, in words for the history list: `dashboard
 * "Operations"` with details `["3 panels changed"]`, `settings` with `["retention 30d → 45d"]`.
 * Stored with the revision, so the list needs no content to say what each revision did.
 */
export const SectionChangeSchema = z.object({
  /** The section's key (lib/model/sections.ts): `dashboard:<uid>`, `rule-group:<name>`, `alerting`, `settings`. */
  key: z.string(),
  /** How the section is named in words, e.g. `dashboard "Operations"`. */
  label: z.string(),
  change: z.enum(["added", "removed", "changed"]),
  details: z.array(z.string()).default([]),
});
export type SectionChange = z.infer<typeof SectionChangeSchema>;
