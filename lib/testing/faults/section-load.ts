import { type ApiAnswer, apiRequest, HungRequestError } from "./client";

/**
 * A load of section saves for the fault tests: each client saves its own dashboard of one project
 * again and again, each save from the version its last answer gave and with a message naming it
 * (so every save is a revision of its own), spreading its requests over the app processes given.
 * It records what the app acknowledged and how every other request ended, for the test to check.
 */

export interface AcknowledgedSave {
  uid: string;
  /** The description the save wrote, unique per save: "client 2 save 7". */
  description: string;
  version: number;
}

export interface LoadResult {
  acknowledged: AcknowledgedSave[];
  /** How every save that was not acknowledged ended: "503 retry-after 5", "409", "500", "hung", "no answer". */
  failures: string[];
}

export interface SectionLoadOptions {
  /** The app processes' base URLs; client c's save n goes to apps[(c + n) % apps.length]. */
  apps: () => string[];
  projectId: string;
  /** One dashboard per client. */
  uids: string[];
  savesPerClient: number;
  /** Stops a client when it gets no answer at all (the app process was killed). */
  stopOnNoAnswer?: boolean;
  /** Called after every acknowledged save, e.g. to break something once the load is under way. */
  onAcknowledged?: (result: LoadResult) => void;
}

/** How a request that was not a 2xx ended, in words the test asserts on. */
function describeFailure(answer: ApiAnswer): string {
  if (answer.status === 503) return `503 retry-after ${answer.headers.get("retry-after")}`;
  if (answer.status === 409) return "409";
  return `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
}

async function attempt(run: () => Promise<ApiAnswer>): Promise<ApiAnswer | string> {
  try {
    return await run();
  } catch (error) {
    return error instanceof HungRequestError ? "hung" : "no answer";
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSectionLoad(options: SectionLoadOptions): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: [], failures: [] };
  const sectionPath = (uid: string): string =>
    `/api/projects/${options.projectId}/dashboards/${encodeURIComponent(uid)}`;
  const client = async (c: number, uid: string): Promise<void> => {
    const app = (n: number): string => {
      const apps = options.apps();
      return apps[(c + n) % apps.length] as string;
    };
    // biome-ignore lint/suspicious/noExplicitAny: the dashboard's content is passed back as read.
    let section: { version: number; content: any } | undefined;
    let saved = 0;
    // Failed attempts do not count: every client gets savesPerClient acknowledgements, with a bound
    // on attempts so a broken app ends the test instead of looping.
    for (let n = 1; saved < options.savesPerClient && n <= options.savesPerClient * 20; n++) {
      if (!section) {
        const read = await attempt(() => apiRequest(app(n), sectionPath(uid)));
        if (typeof read !== "string" && read.status === 200) section = read.body;
        else {
          if (typeof read === "string" && read === "no answer" && options.stopOnNoAnswer) return;
          await pause(100);
          continue;
        }
      }
      const description = `client ${c} save ${n}`;
      const answer = await attempt(() =>
        apiRequest(app(n), sectionPath(uid), {
          method: "PUT",
          body: {
            version: section?.version,
            content: { ...section?.content, description },
            message: description,
          },
        }),
      );
      if (typeof answer !== "string" && answer.status === 200) {
        saved++;
        section = answer.body;
        result.acknowledged.push({ uid, description, version: answer.body.version });
        options.onAcknowledged?.(result);
        continue;
      }
      result.failures.push(typeof answer === "string" ? answer : describeFailure(answer));
      if (answer === "no answer" && options.stopOnNoAnswer) return;
      if (answer === "hung") return;
      // Read the section again: after a 409 (or a save whose answer was lost) its version moved on.
      section = undefined;
      await pause(100);
    }
  };
  await Promise.all(options.uids.map((uid, c) => client(c, uid)));
  return result;
}

/**
 * What is missing of the acknowledged saves, read back through `app`: each one's revision (its
 * version, with its message) and, per dashboard, the last one's description as the stored value.
 * Empty when nothing acknowledged was lost.
 */
export async function missingSaves(app: string, projectId: string, result: LoadResult): Promise<string[]> {
  const revisions = await apiRequest(app, `/api/projects/${projectId}/revisions`);
  const project = await apiRequest(app, `/api/projects/${projectId}`);
  if (revisions.status !== 200 || project.status !== 200)
    return [`reading back answered ${revisions.status} / ${project.status}`];
  const messages = new Map<number, string>(
    (revisions.body as { version: number; message: string | null }[]).map((r) => [
      r.version,
      r.message ?? "",
    ]),
  );
  const missing = result.acknowledged
    .filter((save) => messages.get(save.version) !== save.description)
    .map((save) => `revision ${save.version} "${save.description}" (found "${messages.get(save.version)}")`);
  const last = new Map(result.acknowledged.map((save) => [save.uid, save.description]));
  for (const [uid, description] of last) {
    const stored = (project.body.project.dashboards as { uid: string; description?: string }[]).find(
      (d) => d.uid === uid,
    );
    if (stored?.description !== description)
      missing.push(`dashboard ${uid}: stored "${stored?.description}", last acknowledged "${description}"`);
  }
  return missing;
}
