import os from "node:os";
import path from "node:path";

/**
 * The account every browser test signs in as, and where its signed-in state (the session cookie)
 * is kept between playwright.config.ts's global setup and the specs. On the server the config
 * starts, it is the first account: the administrator and owner of the first team.
 */
export const E2E_OWNER = {
  name: "E2E Owner",
  email: "e2e-owner@obsforge.test",
  password: "e2e-owner-password",
};

/** Beside the run's data directory (made by playwright.config.ts), or per port for a server of your own. */
export function storageStatePath(dataDir: string, port: number): string {
  return dataDir ? `${dataDir}.auth.json` : path.join(os.tmpdir(), `obsforge-e2e-auth-${port}.json`);
}
