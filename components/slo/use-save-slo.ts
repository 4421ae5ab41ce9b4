import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { applySloToGroup } from "@/lib/alerting/slo";
import { ApiRequestError, createRuleGroup, getSection, saveSection } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { SectionRecord, SectionSaveResult } from "@/lib/api/schemas";
import { RuleGroupSchema } from "@/lib/model/rule";
import type { SloSpec } from "@/lib/model/slo";

export interface SaveSloRequest {
  groupName: string;
  spec: SloSpec;
}

async function currentGroup(projectId: string, name: string): Promise<SectionRecord | undefined> {
  try {
    return await getSection(projectId, { kind: "rule-group", name });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * "Save as rule group": a new group through POST …/rule-groups, or the existing one regenerated
 * (only the rules the SLO generated are replaced) and saved with PUT from the version just read,
 * so a concurrent edit of that group is a 409 the user sees, never overwritten.
 */
export async function saveSloGroup(
  projectId: string,
  { groupName, spec }: SaveSloRequest,
): Promise<SectionSaveResult> {
  const current = await currentGroup(projectId, groupName);
  if (!current) {
    return createRuleGroup(projectId, { group: applySloToGroup({ name: groupName, rules: [] }, spec) });
  }
  const group = RuleGroupSchema.parse(current.content);
  return saveSection(
    projectId,
    { kind: "rule-group", name: groupName },
    {
      version: current.version,
      content: applySloToGroup(group, spec),
      message: `SLO ${spec.name}: rules generated (${spec.policy}, ${spec.objective} % over ${spec.window})`,
    },
  );
}

export function useSaveSlo(projectId: string): UseMutationResult<SectionSaveResult, Error, SaveSloRequest> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveSloRequest) => saveSloGroup(projectId, request),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}
