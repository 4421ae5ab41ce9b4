import { type Command, Option } from "commander";
import { z } from "zod";
import { API_TOKEN_PREFIX } from "../api/api-tokens-schemas";
import { ApiErrorSchema, ProjectSummarySchema } from "../api/schemas";
import { writeFileAtomic } from "../tools/files";
import { InputError } from "./load-input";

/**
 * `obsforge app projects|pull --server URL`: the CLI's calls of a running Obsforge app's HTTP API,
 * signed in with a personal API token (made on the app's Account page) sent as
 * `Authorization: Bearer obf_…`. The token comes from OBSFORGE_TOKEN (or --token, which shells
 * keep in their history: prefer the variable); the app's URL from --server or OBSFORGE_URL.
 */

export interface AppOptions {
  server: string;
  token?: string;
}

/** How long one call may take before the CLI gives up on the app. */
const APP_TIMEOUT_MS = 30_000;

const TOKEN_HELP = "make one on the app's Account page (/account) and set OBSFORGE_TOKEN";

function serverUrl(options: AppOptions): URL {
  let url: URL;
  try {
    url = new URL(options.server);
  } catch {
    throw new InputError([
      `--server: "${options.server}" is not a URL, e.g. --server https://obsforge.example`,
    ]);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new InputError([`--server: ${url.protocol} is not http: or https:`]);
  return url;
}

/** The request headers that sign the call in: the personal API token. */
export function appAuthHeaders(token: string | undefined): Record<string, string> {
  if (token === undefined || token.trim() === "") throw new InputError([`no API token: ${TOKEN_HELP}`]);
  if (!token.startsWith(API_TOKEN_PREFIX))
    throw new InputError([`the API token does not start with ${API_TOKEN_PREFIX}: ${TOKEN_HELP}`]);
  return { authorization: `Bearer ${token.trim()}` };
}

/** GET of an app API path, signed in with the token; the app's refusal as one line (its `error`). */
async function appGet(options: AppOptions, path: string): Promise<Response> {
  const url = new URL(path, serverUrl(options));
  const headers = { accept: "application/json", ...appAuthHeaders(options.token) };
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(APP_TIMEOUT_MS) });
  } catch (error) {
    throw new InputError([`GET ${url}: could not reach the app (${(error as Error).message})`]);
  }
  if (response.ok) return response;
  const text = await response.text();
  let message = text.slice(0, 200);
  try {
    message = ApiErrorSchema.parse(JSON.parse(text)).error;
  } catch {
    // Not the API's error shape (a proxy's page): its first characters say enough.
  }
  const hint = response.status === 401 ? ` (${TOKEN_HELP})` : "";
  throw new InputError([`GET ${url}: ${response.status} ${message}${hint}`]);
}

/** `obsforge app projects`: one line per project the token's user may see. */
export async function runAppProjects(options: AppOptions): Promise<string[]> {
  const response = await appGet(options, "/api/projects");
  const projects = z.array(ProjectSummarySchema).parse(await response.json());
  if (projects.length === 0) return ["(no projects)"];
  return projects.map((one) => `${one.id}  ${one.name}  (version ${one.version})`);
}

/** `obsforge app pull <id>`: the project's file (what the app's export gives), written or answered. */
export async function runAppPull(id: string, options: AppOptions & { out?: string }): Promise<string> {
  const response = await appGet(options, `/api/projects/${encodeURIComponent(id)}/export`);
  const text = await response.text();
  if (options.out === undefined) return text;
  writeFileAtomic(options.out, text);
  return "";
}

function appOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--server <url>", "the Obsforge app, e.g. https://obsforge.example")
        .env("OBSFORGE_URL")
        .makeOptionMandatory(),
    )
    .addOption(
      new Option("--token <token>", "a personal API token (obf_…); prefer the environment variable").env(
        "OBSFORGE_TOKEN",
      ),
    );
}

export function addAppCommand(
  program: Command,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  setExit: (code: number) => void,
): void {
  const app = program
    .command("app")
    .description("call a running Obsforge app's API with a personal API token (OBSFORGE_TOKEN)")
    .addHelpText(
      "after",
      [
        "",
        "Every call sends `Authorization: Bearer $OBSFORGE_TOKEN`: a personal API token made on the",
        "app's Account page (/account). It acts as you, with your roles in your teams; a revoked,",
        "expired or unknown token is refused (401) and the app says which.",
        "",
        "Example:",
        "  export OBSFORGE_URL=https://obsforge.example OBSFORGE_TOKEN=obf_…",
        "  obsforge app projects",
        "  obsforge app pull <project-id> --out shop.obsforge.json && obsforge bundle shop.obsforge.json -o out/",
      ].join("\n"),
    );
  appOptions(app.command("projects").description("list the projects you may see: id, name, version")).action(
    async (options: AppOptions) => {
      for (const line of await runAppProjects(options)) io.stdout(`${line}\n`);
      setExit(0);
    },
  );
  appOptions(
    app
      .command("pull")
      .description("download a project's file (the model the app stores), for `obsforge bundle`")
      .argument("<project-id>", "the project's id, as `obsforge app projects` lists it")
      .option("-o, --out <file>", "write it to this file instead of stdout"),
  ).action(async (id: string, options: AppOptions & { out?: string }) => {
    const text = await runAppPull(id, options);
    if (options.out === undefined) io.stdout(text);
    else io.stderr(`wrote ${options.out}\n`);
    setExit(0);
  });
}
