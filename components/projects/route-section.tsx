import type { ReactNode } from "react";
import { uniqueKeys } from "@/components/ui/unique-keys";
import type { InhibitRule, Matcher, Route } from "@/lib/model/alertmanager";
import { anchorId, type PathSegment } from "./issue-anchors";

export interface RouteSectionProps {
  route: Route;
  inhibitRules: readonly InhibitRule[];
}

function MatcherList({ matchers }: { matchers: readonly Matcher[] }): ReactNode {
  if (matchers.length === 0) return <span className="muted">all alerts</span>;
  const texts = matchers.map((matcher) => `${matcher.label}${matcher.op}"${matcher.value}"`);
  return (
    <>
      {uniqueKeys(texts).map((key, index) => (
        <code key={key} className="matcher">
          {texts[index]}
        </code>
      ))}
    </>
  );
}

function RouteNode({
  route,
  path,
  isRoot,
}: {
  route: Route;
  path: PathSegment[];
  isRoot: boolean;
}): ReactNode {
  const timing = [
    route.groupWait ? `wait ${route.groupWait}` : null,
    route.groupInterval ? `interval ${route.groupInterval}` : null,
    route.repeatInterval ? `repeat ${route.repeatInterval}` : null,
  ].filter((part): part is string => part !== null);
  return (
    <li id={anchorId(path)} className="anchor-target route-node" data-testid="route-node">
      <div className="route-line">
        {isRoot ? <span className="badge">root</span> : <MatcherList matchers={route.matchers} />}
        <span className="route-arrow" aria-hidden="true">
          →
        </span>
        {route.receiver ? <code>{route.receiver}</code> : <span className="muted">parent's receiver</span>}
        {route.continue ? <span className="badge">continue</span> : null}
      </div>
      {route.groupBy || timing.length > 0 ? (
        <div className="muted small">
          {route.groupBy ? `group by ${route.groupBy.join(", ")}` : null}
          {route.groupBy && timing.length > 0 ? " · " : null}
          {timing.join(" · ")}
        </div>
      ) : null}
      {route.routes.length > 0 ? (
        <ul className="route-children">
          {route.routes.map((child, index) => {
            const childPath = [...path, "routes", index];
            return <RouteNode key={anchorId(childPath)} route={child} path={childPath} isRoot={false} />;
          })}
        </ul>
      ) : null}
    </li>
  );
}

export function RouteSection({ route, inhibitRules }: RouteSectionProps): ReactNode {
  return (
    <section className="section" data-testid="route-section">
      <h2>Alert routing</h2>
      <ul className="route-tree">
        <RouteNode route={route} path={["route"]} isRoot />
      </ul>
      {inhibitRules.length > 0 ? (
        <>
          <h3 id="inhibitRules">Inhibit rules</h3>
          <ul className="plain-list">
            {inhibitRules.map((rule, index) => (
              <li
                key={anchorId(["inhibitRules", index])}
                id={anchorId(["inhibitRules", index])}
                className="anchor-target"
              >
                <MatcherList matchers={rule.sourceMatchers} /> mutes{" "}
                <MatcherList matchers={rule.targetMatchers} />
                {rule.equal.length > 0 ? (
                  <span className="muted small"> when equal on {rule.equal.join(", ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
