import {
  type QueryClient,
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  type ApiRequestError,
  createDashboard,
  createProject,
  deleteProject,
  deleteSection,
  getProject,
  getProjectValidation,
  listProjects,
  listTemplates,
  type ProjectValidation,
  type UpdateProjectRequest,
  updateProject,
} from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import { projectForDashboard } from "./project-for-dashboard";
import type {
  CreateDashboardBody,
  CreatedDashboard,
  CreateProjectBody,
  ProjectRecord,
  ProjectSummary,
  TemplateSummary,
} from "@/lib/api/schemas";
import type { Project } from "@/lib/model/project";

export type ProjectRecordData = ProjectRecord<Project>;

export function useProjects(): UseQueryResult<ProjectSummary[], ApiRequestError> {
  return useQuery({ queryKey: queryKeys.projects(), queryFn: listProjects });
}

export function useProject(id: string): UseQueryResult<ProjectRecordData, ApiRequestError> {
  return useQuery({ queryKey: queryKeys.project(id), queryFn: () => getProject(id) });
}

/**
 * The project with only the dashboard `uid` (projectForDashboard), for that dashboard's page. A
 * whole project the page already holds (the project's page came first) serves at once; the
 * dashboard's page itself starts with the server's (ServerReadDashboardProject).
 */
export function useProjectForDashboard(
  id: string,
  uid: string,
): UseQueryResult<ProjectRecordData, ApiRequestError> {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.projectDashboard(id, uid),
    queryFn: async () => projectForDashboard(await getProject(id), uid),
    initialData: () => {
      const whole = queryClient.getQueryData<ProjectRecordData>(queryKeys.project(id));
      return whole && projectForDashboard(whole, uid);
    },
    // An invalidated whole project (a save elsewhere) counts as stale: the page asks again at once.
    initialDataUpdatedAt: () => {
      const whole = queryClient.getQueryState(queryKeys.project(id));
      return whole?.isInvalidated ? 0 : whole?.dataUpdatedAt;
    },
  });
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

/**
 * Refetches the project (and with it, by the hierarchical key, its validation, revisions and
 * sections) after a section was added or removed; the promise settles once the overview's copy
 * is fresh, so a page opened next never starts from the copy without the change.
 */
function refreshProject(queryClient: QueryClient, id: string): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: queryKeys.projects(), exact: true });
  return queryClient.invalidateQueries({ queryKey: queryKeys.project(id) });
}

/** POST /api/projects/{id}/dashboards: a blank dashboard, one from the catalog, or a Grafana export. */
export function useCreateDashboard(
  id: string,
): UseMutationResult<CreatedDashboard, ApiRequestError, CreateDashboardBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => createDashboard(id, body),
    onSuccess: () => refreshProject(queryClient, id),
  });
}

export interface DeleteDashboardRequest {
  uid: string;
  /** The project version the deletion was decided at: 409 when the dashboard changed since. */
  version: number;
}

/** DELETE /api/projects/{id}/dashboards/{uid}; on 409 the project is refetched so a retry uses the latest. */
export function useDeleteDashboard(
  id: string,
): UseMutationResult<{ version: number }, ApiRequestError, DeleteDashboardRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uid, version }) => deleteSection(id, { kind: "dashboard", uid }, version),
    onSuccess: () => refreshProject(queryClient, id),
    onError: (error) => {
      if (error.status === 409) void refreshProject(queryClient, id);
    },
  });
}

/** Fetches the stored version now, bypassing the cache (after a 409, the cache is stale by definition). */
export function useFetchLatestProject(id: string): () => Promise<ProjectRecordData> {
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({ queryKey: queryKeys.project(id), queryFn: () => getProject(id), staleTime: 0 });
}
