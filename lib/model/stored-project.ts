import { z } from "zod";
import { ProjectObjectSchema } from "./project";
import { upgradeStoredProject } from "./project-upgrade";

/**
 * The structural schema, without cross-field checks (see `validate.ts` for those), for a project
 * as stored or uploaded: alert rules of an older shape are upgraded first. Kept apart from
 * project.ts because the upgrade reads PromQL (Prometheus's parser): the browser only ever parses
 * projects the server has already upgraded, and the parser would otherwise be part of every
 * page's first JavaScript.
 */
export const ProjectShapeSchema = z.preprocess((input) => upgradeStoredProject(input), ProjectObjectSchema);
