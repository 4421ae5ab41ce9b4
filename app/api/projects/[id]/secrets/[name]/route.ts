import { PutSecretBodySchema, SecretNameSchema } from "@/lib/api/secrets-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, parseParam, readJson } from "@/lib/server/http";
import { clearSecret, setSecret } from "@/lib/server/services/secrets";

export const dynamic = "force-dynamic";

function secretNameParam(value: string): string {
  return parseParam(SecretNameSchema, value, "secret");
}

/** Stores a new value (encrypted); answers the secret's status, never the value. */
export const PUT = handler<{ id: string; name: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const name = secretNameParam(params.name);
  const body = await readJson(request, PutSecretBodySchema);
  return json(await setSecret(context, id, name, body.value));
});

export const DELETE = handler<{ id: string; name: string }>(async ({ context, params }) =>
  json(await clearSecret(context, projectIdParam(params.id), secretNameParam(params.name))),
);
