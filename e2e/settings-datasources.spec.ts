import type { APIRequestContext } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";

interface StoredDatasource {
  uid: string;
  name: string;
  url?: string;
  previewUrl?: string;
}

async function storedPrometheus(
  request: APIRequestContext,
  id: string,
): Promise<{ version: number; datasource: StoredDatasource | undefined }> {
  const stored = await (await request.get(`/api/projects/${id}`)).json();
  const datasources = stored.project.datasources as StoredDatasource[];
  return { version: stored.version, datasource: datasources.find((d) => d.uid === "prometheus") };
}

test("a Prometheus's preview URL is edited beside its URL, kept across a reload, and a bad one is refused", async ({
  page,
  request,
  projectsList,
  settings,
  history,
  consoleGuard,
}) => {
  // The refused save is a 422, which the browser logs.
  consoleGuard.allow(/status of 422/);
  await projectsList.goto();
  const id = await projectsList.createFromTemplate({ name: uniqueName("Preview URL"), level: "basic" });
  await settings.goto(id);

  const prometheus = page.getByTestId("settings-datasource-prometheus");
  const name = page.getByTestId("settings-datasource-prometheus-name");
  const url = page.getByTestId("settings-datasource-prometheus-url");
  const previewUrl = page.getByTestId("settings-datasource-prometheus-preview-url");
  await expect(name).toHaveValue("Prometheus");
  await expect(url).toHaveValue("http://prometheus:9090");
  await expect(previewUrl).toHaveValue("");
  // The hints say which URL is for what.
  await expect(prometheus).toContainText("Written into the bundle");
  await expect(prometheus).toContainText("Only for live previews here");
  // Loki has no preview URL; every datasource has a name.
  await expect(page.getByTestId("settings-datasource-loki-name")).toHaveValue("Loki");
  await expect(page.getByTestId("settings-datasource-loki-preview-url")).toHaveCount(0);

  // A host and port without a scheme is not an http(s) URL: refused, the message beside the field,
  // the draft kept, nothing stored.
  await previewUrl.fill("prometheus:9090");
  await settings.save();
  await expect(page.getByTestId("settings-issues")).toBeVisible();
  await expect(page.getByTestId("settings-datasource-prometheus-preview-url-issues")).toHaveText(
    "must be an http:// or https:// URL",
  );
  await expect(previewUrl).toHaveAttribute("aria-invalid", "true");
  await expect(previewUrl).toHaveValue("prometheus:9090");
  expect(await storedPrometheus(request, id)).toMatchObject({
    version: 1,
    datasource: { name: "Prometheus" },
  });
  expect((await storedPrometheus(request, id)).datasource).not.toHaveProperty("previewUrl");

  // A good one, with a new name: saved, and still there after a reload; the bundle's URL unchanged.
  await previewUrl.fill("http://127.0.0.1:19090");
  await name.fill("Metrics");
  await settings.saveExpectingVersion(2);
  await expect(page.getByTestId("settings-issues")).toHaveCount(0);
  await page.reload();
  await expect(settings.form).toBeVisible();
  await expect(previewUrl).toHaveValue("http://127.0.0.1:19090");
  await expect(name).toHaveValue("Metrics");
  await expect(url).toHaveValue("http://prometheus:9090");
  expect(await storedPrometheus(request, id)).toEqual({
    version: 2,
    datasource: expect.objectContaining({
      name: "Metrics",
      url: "http://prometheus:9090",
      previewUrl: "http://127.0.0.1:19090",
    }),
  });
  // The revision names what changed, by the datasource's new name.
  await history.goto(id);
  await expect(history.row(2)).toContainText("Settings: metrics name, metrics preview url");

  // Emptied, the setting is removed again.
  await settings.goto(id);
  await previewUrl.fill("");
  await settings.saveExpectingVersion(3);
  expect((await storedPrometheus(request, id)).datasource).not.toHaveProperty("previewUrl");
});
