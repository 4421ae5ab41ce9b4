import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  type ApiRequestError,
  createProject,
  deleteProject,
  getProject,
  getProjectValidation,
  listProjects,
  listTemplates,
  type ProjectValidation,
  type UpdateProjectRequest,
  updateProject,
} from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { CreateProjectBody, ProjectRecord, ProjectSummary, TemplateSummary } from "@/lib/api/schemas";
import type { Project } from "@/lib/model/project";

export type ProjectRecordData = ProjectRecord<Project>;

export function useProjects(): UseQueryResult<ProjectSummary[], ApiRequestError> {
  return useQuery({ queryKey: queryKeys.projects(), queryFn: listProjects });
}

export function useProject(id: string): UseQueryResult<ProjectRecordData, ApiRequestError> {
  return useQuery({ queryKey: queryKeys.project(id), queryFn: () => getProject(id) });
}

/** Issues of the project at `version`; waits until the version is known. */
export function useProjectValidation(
  id: string,
  version: number | undefined,
): UseQueryResult<ProjectValidation, ApiRequestError> {
  return useQuery({
    queryKey: queryKeys.validationAt(id, version ?? 0),
    queryFn: () => getProjectValidation(id),
    enabled: version !== undefined,
  });
}

export function useTemplates(): UseQueryResult<TemplateSummary[], ApiRequestError> {
  return useQuery({
    queryKey: queryKeys.templates(),
    queryFn: listTemplates,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCreateProject(): UseMutationResult<ProjectRecordData, ApiRequestError, CreateProjectBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: (record) => {
      queryClient.setQueryData(queryKeys.project(record.id), record);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(), exact: true });
    },
  });
}

export function useUpdateProject(
  id: string,
): UseMutationResult<ProjectRecordData, ApiRequestError, UpdateProjectRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => updateProject(id, body),
    onSuccess: (record) => {
      queryClient.setQueryData(queryKeys.project(id), record);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.revisions(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.validation(id) });
    },
  });
}

export function useDeleteProject(): UseMutationResult<void, ApiRequestError, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProject,
    onSuccess: (_nothing, id) => {
      // Drop the list entry at once so the list never shows a project that is gone.
      queryClient.setQueryData<ProjectSummary[]>(queryKeys.projects(), (list) =>
        list?.filter((project) => project.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(), exact: true });
    },
  });
}

/** Fetches the stored version now, bypassing the cache (after a 409, the cache is stale by definition). */
export function useFetchLatestProject(id: string): () => Promise<ProjectRecordData> {
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({ queryKey: queryKeys.project(id), queryFn: () => getProject(id), staleTime: 0 });
}
