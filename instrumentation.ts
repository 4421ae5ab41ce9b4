/**
 * Runs once when a Next.js server starts (Next.js's instrumentation file). Start-up data
 * migrations are registered here, to run on the database before it serves the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onDatabaseOpened } = await import("./lib/db/client");
  const { moveLiteralSecretsAtStart } = await import("./lib/server/services/secrets-migration");
  onDatabaseOpened(moveLiteralSecretsAtStart);
}
