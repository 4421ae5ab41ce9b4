/**
 * What the draft's check runs: the model's dashboard checks and the PromQL analysis (Prometheus's
 * own parser, with CodeMirror's language package under it). Loaded by draft-issues.tsx after the
 * page's first JavaScript, because the check waits for idle time anyway and these modules were a
 * large part of what the page had to download and compile before its first panel could query.
 */
export { analyzeDashboardPromql } from "@/lib/promql/parse";
export { dashboardIssues } from "../model/issues";
