import { json, route } from "@/lib/server/http";
import { templateSummaries } from "@/lib/server/projects-service";

export const GET = route(async () => json(templateSummaries()));
