import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CatalogTables } from "@/components/catalog/catalog-tables";
import { catalogDashboards } from "@/lib/catalog/dashboards";
import { catalogRules } from "@/lib/catalog/rules";

export const metadata: Metadata = { title: "Catalog · Obsforge" };

export default function CatalogPage(): ReactNode {
  return (
    <main>
      <h1>Catalog</h1>
      <p className="muted">
        The dashboards and alert rules a level template starts from. From a terminal:{" "}
        <code>npx obsforge generate deployment.yaml --zip bundle.zip</code>
      </p>
      <CatalogTables dashboards={catalogDashboards} rules={catalogRules} />
    </main>
  );
}
