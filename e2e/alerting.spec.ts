import type { APIRequestContext } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";
import { AlertingPage } from "./pages/alerting-page";

/**
 * The alerting editor from a fresh project: a receiver added with a Slack integration, a child
 * route for critical alerts picking it, saved and reloaded; "who gets severity=critical?" shows the
 * path in the tree and the receiver as Alertmanager decides it; a regex Go refuses is marked on its
 * field and cannot be saved; an inhibit rule shows which of the project's alerts it silences.
 */

interface StoredAlerting {
  version: number;
  content: {
    receivers: {
      name: string;
      integrations: { type: string; channel?: string; apiUrl?: { secret: string } }[];
    }[];
    route: {
      receiver: string;
      routes: {
        receiver?: string;
        matchers: { label: string; op: string; value: string }[];
        muteTimeIntervals?: string[];
      }[];
    };
    inhibitRules: unknown[];
  };
}

async function storedAlerting(request: APIRequestContext, id: string): Promise<StoredAlerting> {
  const response = await request.get(`/api/projects/${id}/alerting`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function createProject(request: APIRequestContext): Promise<string> {
  const created = await request.post("/api/projects", {
    data: { template: "standard", name: uniqueName("Alerting") },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()).id;
}

test("receivers and the route tree edited, saved, reloaded; who gets an alert; a bad regex refused; an inhibit rule's effect", async ({
  page,
  request,
}) => {
  const id = await createProject(request);
  const alerting = new AlertingPage(page);
  const before = await storedAlerting(request, id);

  await alerting.goto(id);
  // Viewing writes nothing.
  expect((await storedAlerting(request, id)).version).toBe(before.version);

  // A receiver with a Slack integration.
  await alerting.addReceiver("oncall");
  await alerting.addIntegration("Slack");
  await page.getByLabel("Slack channel").fill("#oncall");
  await expect(page.getByTestId("integration")).toHaveAttribute("data-type", "slack");

  // A child route for critical alerts, to that receiver.
  await alerting.showTab("routes");
  await alerting.selectRoute("root");
  await page.getByTestId("add-child-route").click();
  await expect(alerting.nodeEditor).toHaveAttribute("data-path", "0");
  await page.getByTestId("route-matchers-add").click();
  await page.getByLabel("Route matcher 1 label").fill("severity");
  await page.getByLabel("Route matcher 1 value").fill("critical");
  await page.getByLabel("Receiver", { exact: true }).selectOption("oncall");
  // What the node inherits from the root is shown.
  await expect(page.getByTestId("inherited-group_wait")).toContainText("30s");
  await expect(page.getByTestId("inherited-receiver")).toContainText("overridden here");

  await alerting.save();
  const saved = await storedAlerting(request, id);
  expect(saved.version).toBeGreaterThan(before.version);
  expect(saved.content.receivers.map((receiver) => receiver.name)).toEqual(["default", "oncall"]);
  expect(saved.content.receivers[1]?.integrations[0]).toMatchObject({ type: "slack", channel: "#oncall" });
  expect(saved.content.route.routes[0]).toMatchObject({
    receiver: "oncall",
    matchers: [{ label: "severity", op: "=", value: "critical" }],
  });

  // Reloaded: the tree is as saved; who gets severity=critical?
  await page.reload();
  await alerting.showTab("routes");
  await expect(alerting.node("0").getByTestId("route-node-receiver").first()).toHaveText("oncall");
  await alerting.askWhoGets("severity=critical");
  await expect(page.getByTestId("who-gets-receivers")).toHaveText("oncall");
  await expect(page.getByTestId("who-gets-path")).toContainText("route.routes[0]");
  await expect(alerting.node("0")).toHaveAttribute("data-matched", "true");
  await expect(alerting.node("root")).toHaveAttribute("data-on-path", "true");
  await alerting.askWhoGets("severity=warning");
  await expect(page.getByTestId("who-gets-receivers")).toHaveText("default");
  await expect(alerting.node("root")).toHaveAttribute("data-matched", "true");

  // A regex Go refuses: a message on the field, and no save.
  await alerting.selectRoute("0");
  await page.getByLabel("Route matcher 1 operator").selectOption("=~");
  await page.getByLabel("Route matcher 1 value").fill("crit(ical");
  await expect(page.getByTestId("route-matchers-issues")).toContainText(
    'invalid regular expression "crit(ical"',
  );
  await expect(page.getByLabel("Route matcher 1 value")).toHaveAttribute("aria-invalid", "true");
  await expect(alerting.saveButton).toBeDisabled();
  await expect(page.getByTestId("alerting-blocking")).toContainText("fix 1 problem to save");
  await page.keyboard.press("Control+s");
  expect((await storedAlerting(request, id)).version).toBe(saved.version);
  await page.getByLabel("Route matcher 1 value").fill("crit(ical)?");
  await expect(page.getByTestId("route-matchers-issues")).toHaveCount(0);

  // An inhibit rule: critical alerts silence warnings of the same service; it lists which.
  await alerting.showTab("inhibit");
  const rules = page.getByTestId("inhibit-rule");
  await expect(rules.first()).toBeVisible();
  const existing = await rules.count();
  await page.getByTestId("add-inhibit-rule").click();
  const index = existing;
  const rule = rules.nth(index);
  await rule.getByTestId(`inhibit-${index}-source-add`).click();
  await rule.getByLabel("Source matcher 1 label").fill("severity");
  await rule.getByLabel("Source matcher 1 value").fill("critical");
  await rule.getByTestId(`inhibit-${index}-target-add`).click();
  await rule.getByLabel("Target matcher 1 label").fill("severity");
  await rule.getByLabel("Target matcher 1 value").fill("warning");
  const silenced = rule.getByTestId("inhibit-silenced");
  await expect(silenced.first()).toBeVisible();
  expect(await silenced.count()).toBeGreaterThan(0);
  await expect(rule.getByTestId("inhibit-preview")).toContainText("Silences");

  // A time interval, picked on the child route to mute it at night.
  await alerting.showTab("intervals");
  await page.getByTestId("add-time-interval").click();
  await expect(page.getByTestId("time-interval")).toHaveCount(1);
  await alerting.showTab("routes");
  await alerting.selectRoute("0");
  await page.getByTestId("route-mute-intervals").getByLabel("business-hours").check();

  await alerting.save();
  const final = await storedAlerting(request, id);
  expect(final.content.route.routes[0]).toMatchObject({ muteTimeIntervals: ["business-hours"] });
  expect(final.content.inhibitRules).toHaveLength(existing + 1);
  expect(final.content.route.routes[0]?.matchers[0]).toMatchObject({ op: "=~", value: "crit(ical)?" });
});
