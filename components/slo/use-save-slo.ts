import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { applySloToGroup } from "@/lib/alerting/slo";
import { ApiRequestError, createRuleGroup, getSection, saveSection } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { SectionSaveResult } from "@/lib/api/schemas";
import { RuleGroupSchema } from "@/lib/model/rule";
import type { SloSpec } from "@/lib/model/slo";

export interface SaveSloRequest {
  groupName: string;
  spec: SloSpec;
  /** Whether the project as last read has the group: decides POST or PUT without probing (a 404 the browser would log). */
  exists: boolean;
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof ApiRequestError && error.status === status;
}

function createGroup(projectId: string, { groupName, spec }: SaveSloRequest): Promise<SectionSaveResult> {
  return createRuleGroup(projectId, { group: applySloToGroup({ name: groupName, rules: [] }, spec) });
}

async function regenerateGroup(
  projectId: string,
  { groupName, spec }: SaveSloRequest,
): Promise<SectionSaveResult> {
  const ref = { kind: "rule-group", name: groupName } as const;
  const current = await getSection(projectId, ref);
  return saveSection(projectId, ref, {
    version: current.version,
    content: applySloToGroup(RuleGroupSchema.parse(current.content), spec),
    message: `SLO ${spec.name}: rules generated (${spec.policy}, ${spec.objective} % over ${spec.window})`,
  });
}

/**
 * "Save as rule group": a new group through POST …/rule-groups, or the existing one regenerated
 * (only the rules the SLO generated are replaced) and saved with PUT from the version just read,
 * so a concurrent edit of that group is a 409 the user sees, never overwritten. When the group
 * appeared or went away since the project was read, the other way is taken.
 */
export async function saveSloGroup(projectId: string, request: SaveSloRequest): Promise<SectionSaveResult> {
  if (!request.exists) {
    try {
      return await createGroup(projectId, request);
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      return regenerateGroup(projectId, request);
    }
  }
  try {
    return await regenerateGroup(projectId, request);
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
    return createGroup(projectId, request);
  }
}

export function useSaveSlo(projectId: string): UseMutationResult<SectionSaveResult, Error, SaveSloRequest> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveSloRequest) => saveSloGroup(projectId, request),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}
