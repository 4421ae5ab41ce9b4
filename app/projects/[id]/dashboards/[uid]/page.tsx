import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { parseViewerClock, runtimeClock, VIEWER_CLOCK_COOKIE } from "@/components/charts/viewer-clock";
import { serverCanDrawView } from "@/components/dashboard/data/first-screen";
import { prefetchFirstScreen } from "@/components/dashboard/data/prefetch-first-screen";
import { DashboardDesigner } from "@/components/dashboard/designer/dashboard-designer";
import { DEFAULT_GRID_SIZE, GRID_SIZE_COOKIE, readGridSize } from "@/components/dashboard/grid/grid-size";
import { searchParamsOf, viewFromSearchParams } from "@/components/dashboard/model/view-url";
import { projectIdParam } from "@/components/projects/route-params";
import { projectForDashboard } from "@/components/projects/project-for-dashboard";
import { ServerReadDashboardProject } from "@/components/projects/server-read-dashboard-project";
import type { ProjectRecord } from "@/lib/api/schemas";
import { NotFoundError } from "@/lib/db/errors";
import { DashboardUidSchema } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import { requestContext } from "@/lib/server/context";
import { authorizeProject } from "@/lib/server/policy";
import { getProject } from "@/lib/server/services/projects";

interface DashboardPageProps {
  params: Promise<{ id: string; uid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The project as GET /api/projects/{id} gives it, read while the page renders, so the designer
 * starts with it (narrowed to the dashboard shown) instead of asking for it after hydration. A
 * project that cannot be read for another reason than its absence is left to the designer's own
 * request, which shows the error.
 */
async function readProject(id: string): Promise<ProjectRecord<Project> | undefined> {
  try {
    const context = await requestContext(
      new Request(`http://localhost/projects/${encodeURIComponent(id)}`, { headers: await headers() }),
    );
    // As the API would answer: a project of another team is "not found".
    await authorizeProject(context, id, "read");
    return await getProject(context, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    return undefined;
  }
}

export default async function DashboardPage({
  params,
  searchParams,
}: DashboardPageProps): Promise<ReactNode> {
  const { id: rawId, uid: rawUid } = await params;
  const id = projectIdParam(rawId);
  const uid = decodeURIComponent(rawUid);
  if (!id || !DashboardUidSchema.safeParse(uid).success) notFound();
  const [record, view] = await Promise.all([
    readProject(id),
    searchParams.then((search) => viewFromSearchParams(searchParamsOf(search))),
  ]);
  // The view's "now" for the server's previews and the page's panels alike.
  const now = Date.now();
  // The variables' options the server asks for go to the browser's React Query cache through it.
  const queryClient = new QueryClient();
  const cookieJar = await cookies();
  // The grid's size and the clock the browser reported: with both the server lays out the grid and
  // draws the first screen's charts as the browser would; without, the browser lays it out.
  const reportedGrid = readGridSize(cookieJar.get(GRID_SIZE_COOKIE)?.value);
  const clock = parseViewerClock(cookieJar.get(VIEWER_CLOCK_COOKIE)?.value);
  const dashboard = record?.project.dashboards.find((entry) => entry.uid === uid);
  const drawOnServer =
    reportedGrid !== undefined &&
    clock !== undefined &&
    dashboard !== undefined &&
    serverCanDrawView(dashboard, view, runtimeClock().timeZone, clock.timeZone);
  const prefetched = record
    ? await prefetchFirstScreen(queryClient, record, uid, view, now, reportedGrid ?? DEFAULT_GRID_SIZE)
    : [];
  const designer = (
    <DashboardDesigner
      projectId={id}
      uid={uid}
      view={view}
      now={now}
      prefetched={prefetched}
      reportedGrid={drawOnServer ? reportedGrid : undefined}
      clock={drawOnServer ? clock : undefined}
    />
  );
  return (
    <main className="dash-main">
      <HydrationBoundary state={dehydrate(queryClient)}>
        {record ? (
          <ServerReadDashboardProject
            projectId={id}
            uid={uid}
            json={JSON.stringify(projectForDashboard(record, uid))}
          >
            {designer}
          </ServerReadDashboardProject>
        ) : (
          designer
        )}
      </HydrationBoundary>
    </main>
  );
}
