import { expect, test, uniqueName } from "./fixtures";

test("deleting a project after typing its name removes it from the list", async ({
  request,
  projectsList,
  overview,
}) => {
  const name = uniqueName("Doomed");
  await projectsList.goto();
  const id = await projectsList.createFromTemplate({ name, level: "basic" });
  await projectsList.goto();
  await expect(projectsList.row(name)).toHaveCount(1);

  await overview.goto(id);
  await overview.delete(name);
  await expect(projectsList.page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await expect(projectsList.row(name)).toHaveCount(0);

  expect((await request.get(`/api/projects/${id}`)).status()).toBe(404);
  await projectsList.page.reload();
  await expect(projectsList.page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await expect(projectsList.row(name)).toHaveCount(0);
});
