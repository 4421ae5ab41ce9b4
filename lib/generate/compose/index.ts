export type { ComposeFile, ComposeHealthcheck, ComposeSecret, ComposeService } from "./compose-types";
export { COMPOSE_PATH, composeFile, composeServices, generateCompose } from "./docker-compose";
export { ENV_EXAMPLE_PATH, envVariables, generateEnvExample } from "./env-example";
export { IMAGE_VERSIONS, type ImageName } from "./images";
export { type SecretConsumer, type SecretUse, secretUses } from "./secret-uses";
