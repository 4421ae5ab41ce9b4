import type { ReactNode } from "react";
import { CatalogTables } from "@/components/catalog/catalog-tables";
import { catalogDashboards } from "@/lib/catalog/dashboards";
import { catalogRules } from "@/lib/catalog/rules";

export default function HomePage(): ReactNode {
  return (
    <main>
      <h1>Obsforge</h1>
      <p className="muted">
        Design Grafana dashboards and Prometheus alert rules, and download an observability bundle that
        promtool, amtool and Grafana accept.
      </p>
      <p>
        From a terminal: <code>npx obsforge generate deployment.yaml --zip bundle.zip</code>
      </p>
      <CatalogTables dashboards={catalogDashboards} rules={catalogRules} />
    </main>
  );
}
