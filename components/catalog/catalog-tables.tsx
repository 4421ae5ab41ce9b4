import type { ReactNode } from "react";
import type { DashboardEntry, RuleEntry } from "@/lib/catalog/types";

export interface CatalogTablesProps {
  dashboards: readonly DashboardEntry[];
  rules: readonly RuleEntry[];
}

export function CatalogTables({ dashboards, rules }: CatalogTablesProps): ReactNode {
  return (
    <>
      <h2>Dashboards ({dashboards.length})</h2>
      <table>
        <thead>
          <tr>
            <th>Dashboard</th>
            <th>Level</th>
            <th>What it shows</th>
          </tr>
        </thead>
        <tbody>
          {dashboards.map((entry) => (
            <tr key={entry.id}>
              <td>
                {entry.title} <code>{entry.id}</code>
              </td>
              <td>
                <span className="badge">{entry.level}</span>
              </td>
              <td className="muted">{entry.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Alert rules ({rules.length})</h2>
      <table>
        <thead>
          <tr>
            <th>Alert</th>
            <th>Category</th>
            <th>Level</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((entry) => (
            <tr key={`${entry.id}-${entry.level}`}>
              <td>
                <code>{entry.id}</code>
              </td>
              <td>{entry.category}</td>
              <td>
                <span className="badge">{entry.level}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
