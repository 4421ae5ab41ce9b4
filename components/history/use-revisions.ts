import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  type ApiRequestError,
  getRevision,
  listRevisions,
  type Revision,
  restoreRevision,
} from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { ProjectRecord, RevisionSummary } from "@/lib/api/schemas";
import type { Project } from "@/lib/model/project";

export function useRevisions(id: string): UseQueryResult<RevisionSummary[], ApiRequestError> {
  return useQuery({ queryKey: queryKeys.revisions(id), queryFn: () => listRevisions(id) });
}

export function useRevision(id: string, version: number): UseQueryResult<Revision, ApiRequestError> {
  return useQuery({
    queryKey: queryKeys.revision(id, version),
    queryFn: () => getRevision(id, version),
    // A stored revision never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface RestoreRequest {
  version: number;
  message?: string;
}

export function useRestoreRevision(
  id: string,
): UseMutationResult<ProjectRecord<Project>, ApiRequestError, RestoreRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, message }) => restoreRevision(id, version, message),
    onSuccess: (record) => {
      queryClient.setQueryData(queryKeys.project(id), record);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.revisions(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.validation(id) });
    },
  });
}
