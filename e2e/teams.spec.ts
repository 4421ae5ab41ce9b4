import { expect, test } from "./fixtures";
import { ProjectsListPage } from "./pages/projects-list-page";

/**
 * Teams in the browser: the signed-in user creates a team on /team and becomes its owner (its
 * members table and audit log show); a new project is put in it through the New project form's
 * Team choice; the projects list names each project's team.
 */
test("creates a team, then a project in it, named in the projects list", async ({ page }) => {
  const teamName = `Team ${Date.now().toString(36)}`;
  const projectName = `In ${teamName}`;

  await page.goto("/team");
  const form = page.getByRole("form", { name: "Create a team" });
  await form.getByLabel("Team name").fill(teamName);
  await form.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: `${teamName}: members` })).toBeVisible();
  await expect(
    page.getByTestId("team-audit").locator('tr[data-action="team.create"]').filter({ hasText: teamName }),
  ).toBeVisible();

  const projects = new ProjectsListPage(page);
  await projects.goto();
  await projects.openNewProjectForm();
  await projects.form
    .getByRole("radiogroup", { name: "Start from" })
    .getByText("Empty", { exact: true })
    .click();
  await projects.form.getByLabel("Team").selectOption({ label: teamName });
  await projects.form.getByTestId("new-project-name").fill(projectName);
  await projects.submitAndWaitForProject();

  await projects.goto();
  await expect(projects.row(projectName).getByTestId("project-team")).toHaveText(teamName);
});
