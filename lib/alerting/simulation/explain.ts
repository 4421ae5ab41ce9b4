import type { Labels, Route } from "../../model";
import { labelsKeyOf } from "./labels-key";
import { type RoutingAnswer, whoGets } from "../routing/who-gets";
import type {
  SimulatedGroup,
  SimulatedInhibition,
  SimulatedNotification,
  SimulatedSilencing,
  SimulationResult,
} from "./types";

/**
 * One alert's path through the simulation, in the order Alertmanager takes it: the routes that
 * take it, the inhibitions that muted it (and by which firing alerts), the silences that muted
 * it, the groups it joined with
 * the other alerts in them, and the messages it was in.
 */
export interface AlertPathExplanation {
  routing: RoutingAnswer;
  inhibitions: SimulatedInhibition[];
  /** The silences that left it out of its groups' messages, from when. */
  silencings: SimulatedSilencing[];
  groups: SimulatedGroup[];
  notifications: SimulatedNotification[];
}

export function explainAlert(route: Route, result: SimulationResult, labels: Labels): AlertPathExplanation {
  const key = labelsKeyOf(labels);
  const has = (list: readonly Labels[]): boolean => list.some((item) => labelsKeyOf(item) === key);
  const [routing] = whoGets(route, [labels]);
  return {
    routing: routing as RoutingAnswer,
    inhibitions: result.inhibitions.filter((inhibition) => labelsKeyOf(inhibition.alert) === key),
    silencings: result.silencings.filter((silencing) => labelsKeyOf(silencing.alert) === key),
    groups: result.groups.filter((group) => has(group.alerts)),
    notifications: result.notifications.filter((n) => has(n.firing) || has(n.resolved)),
  };
}
