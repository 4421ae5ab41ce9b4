import { expect, type Locator, type Page } from "@playwright/test";

export type Level = "basic" | "standard" | "enterprise";

/** `/`: the projects table and the New project form. */
export class ProjectsListPage {
  readonly table: Locator;
  readonly form: Locator;
  readonly apiError: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("projects-table");
    this.form = page.getByTestId("new-project-form");
    this.apiError = this.form.getByTestId("api-error");
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page
      .getByTestId("project-row")
      .filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async openNewProjectForm(): Promise<void> {
    await this.page.getByTestId("new-project").click();
    await expect(this.form).toBeVisible();
  }

  private async chooseSource(label: string): Promise<void> {
    await this.form.getByRole("radiogroup", { name: "Start from" }).getByText(label, { exact: true }).click();
  }

  /** Creates from a level template; resolves once the new project's overview shows. */
  async createFromTemplate(options: { name: string; level: Level; version?: "v2" | "v1" }): Promise<string> {
    await this.openNewProjectForm();
    await this.chooseSource("Level template");
    await this.form.getByRole("radio", { name: new RegExp(`^${options.level}`, "i") }).check();
    await this.form.getByTestId("new-project-version").selectOption(options.version ?? "v2");
    await this.form.getByTestId("new-project-name").fill(options.name);
    return this.submitAndWaitForProject();
  }

  /** Picks a deployment.yaml and submits; does not wait for success (it may be refused). */
  async submitDeploymentYaml(fileName: string, content: string): Promise<void> {
    await this.openNewProjectForm();
    await this.chooseSource("deployment.yaml");
    await this.form
      .getByTestId("new-project-file")
      .setInputFiles({ name: fileName, mimeType: "application/yaml", buffer: Buffer.from(content) });
    await expect(this.form.getByText(`${fileName}:`)).toBeVisible();
    await this.form.getByTestId("create-project").click();
  }

  /** Picks an exported project JSON and creates the project from it. */
  async createFromProjectJson(fileName: string, content: string): Promise<string> {
    await this.openNewProjectForm();
    await this.chooseSource("Project JSON");
    await this.form
      .getByTestId("new-project-file")
      .setInputFiles({ name: fileName, mimeType: "application/json", buffer: Buffer.from(content) });
    await expect(this.form.getByText(`${fileName}:`)).toBeVisible();
    return this.submitAndWaitForProject();
  }

  async createEmpty(name: string): Promise<string> {
    await this.openNewProjectForm();
    await this.chooseSource("Empty");
    await this.form.getByTestId("new-project-name").fill(name);
    return this.submitAndWaitForProject();
  }

  async submitAndWaitForProject(): Promise<string> {
    await this.form.getByTestId("create-project").click();
    await this.page.waitForURL(/\/projects\/[a-z0-9]+$/);
    const id = new URL(this.page.url()).pathname.split("/").at(-1);
    if (!id) throw new Error(`no project id in ${this.page.url()}`);
    return id;
  }
}
