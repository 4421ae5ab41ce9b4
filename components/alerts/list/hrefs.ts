/** Where the rule group editor is: `/projects/{id}/alerts/{group}` with `?rule=` or `?add=`. */
export function editorHref(
  projectId: string,
  group: string,
  options: { rule?: number; add?: "alert" | "record" } = {},
): string {
  const search = new URLSearchParams();
  if (options.rule !== undefined) search.set("rule", String(options.rule));
  if (options.add) search.set("add", options.add);
  const query = search.toString();
  return `/projects/${encodeURIComponent(projectId)}/alerts/${encodeURIComponent(group)}${query ? `?${query}` : ""}`;
}

/** The rules page offering a new rule made from a dashboard panel. */
export function panelRuleHref(projectId: string, dashboardUid: string, panelId: number): string {
  return `/projects/${encodeURIComponent(projectId)}/alerts?panel=${encodeURIComponent(`${dashboardUid}:${panelId}`)}`;
}

/** `?panel=<uid>:<id>` read back; undefined when absent or malformed. */
export function parsePanelParam(
  value: string | undefined,
): { dashboardUid: string; panelId: number } | undefined {
  if (!value) return undefined;
  const at = value.lastIndexOf(":");
  const panelId = Number(value.slice(at + 1));
  if (at <= 0 || !Number.isInteger(panelId) || panelId < 1) return undefined;
  return { dashboardUid: value.slice(0, at), panelId };
}
