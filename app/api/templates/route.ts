import { templateSummaries } from "@/lib/catalog/apply-template";
import { json, route } from "@/lib/server/http";

export const GET = route(async () => json(templateSummaries()));
