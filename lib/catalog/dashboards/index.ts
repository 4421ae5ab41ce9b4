import type { DashboardEntry } from "../types";
import { cacheDashboard } from "./cache";
import { complianceDashboard } from "./compliance";
import { databaseDashboard } from "./database";
import { errorsDashboard } from "./errors";
import { infrastructureDashboard } from "./infrastructure";
import { operationsDashboard } from "./operations";
import { performanceDashboard } from "./performance";
import { postgresDashboard } from "./postgres";
import { userActivityDashboard } from "./user-activity";

/** The dashboards the product ships with: seed 003's six, then seed 000's three. */
export const catalogDashboards: readonly DashboardEntry[] = [
  operationsDashboard,
  cacheDashboard,
  databaseDashboard,
  errorsDashboard,
  userActivityDashboard,
  complianceDashboard,
  performanceDashboard,
  postgresDashboard,
  infrastructureDashboard,
];
