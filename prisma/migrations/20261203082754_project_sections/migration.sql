-- A project's content moves from one JSONB document to one row per section (lib/model/sections.ts),
-- so a save of one dashboard reads and writes that dashboard only, and revisions keep only the sections
-- they changed. Existing projects and revisions are split here, before the old columns go.

-- The sections of one project document, in the project's order.
CREATE FUNCTION "obsforge_sections_of"(doc JSONB)
RETURNS TABLE ("key" TEXT, "position" INTEGER, "content" JSONB)
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'settings', 0, doc - 'dashboards' - 'ruleGroups' - 'receivers' - 'route' - 'inhibitRules'
  UNION ALL
  SELECT 'alerting', 0, jsonb_build_object(
    'receivers', COALESCE(doc->'receivers', '[]'::jsonb),
    'route', doc->'route',
    'inhibitRules', COALESCE(doc->'inhibitRules', '[]'::jsonb))
  UNION ALL
  SELECT 'dashboard:' || (d.value->>'uid'), (d.ordinality - 1)::INTEGER, d.value
    FROM jsonb_array_elements(COALESCE(doc->'dashboards', '[]'::jsonb)) WITH ORDINALITY AS d
  UNION ALL
  SELECT 'rule-group:' || (g.value->>'name'), (g.ordinality - 1)::INTEGER, g.value
    FROM jsonb_array_elements(COALESCE(doc->'ruleGroups', '[]'::jsonb)) WITH ORDINALITY AS g
$$;

-- CreateTable
CREATE TABLE "project_sections" (
    "project_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "changed_version" INTEGER NOT NULL,

    CONSTRAINT "project_sections_pkey" PRIMARY KEY ("project_id","key")
);

-- CreateTable
CREATE TABLE "revision_sections" (
    "project_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "content" JSONB,

    CONSTRAINT "revision_sections_pkey" PRIMARY KEY ("project_id","key","version")
);

-- Every section of a project as last changed "now": no section history exists before this.
INSERT INTO "project_sections" ("project_id", "key", "position", "content", "changed_version")
SELECT p."id", s."key", s."position", s."content", p."version"
  FROM "projects" p, "obsforge_sections_of"(p."content") s;

-- Old revisions were whole documents: each keeps every section, and its own layout.
INSERT INTO "revision_sections" ("project_id", "version", "key", "content")
SELECT r."project_id", r."version", s."key", s."content"
  FROM "revisions" r, "obsforge_sections_of"(r."content") s;

-- AlterTable
ALTER TABLE "revisions"
ADD COLUMN     "base_version" INTEGER,
ADD COLUMN     "changes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "layout" JSONB,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

UPDATE "revisions" r SET
  "base_version" = r."version" - 1,
  "updated_at" = r."created_at",
  "layout" = (SELECT jsonb_agg(s."key" ORDER BY
                 CASE WHEN s."key" = 'settings' THEN 0 WHEN s."key" = 'alerting' THEN 1
                      WHEN s."key" LIKE 'dashboard:%' THEN 2 ELSE 3 END, s."position")
                FROM "obsforge_sections_of"(r."content") s);

ALTER TABLE "revisions" ALTER COLUMN "base_version" SET NOT NULL,
ALTER COLUMN "layout" SET NOT NULL,
DROP COLUMN "content";

-- AlterTable
ALTER TABLE "projects" DROP COLUMN "content";

DROP FUNCTION "obsforge_sections_of"(JSONB);

-- AddForeignKey
ALTER TABLE "project_sections" ADD CONSTRAINT "project_sections_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision_sections" ADD CONSTRAINT "revision_sections_project_id_version_fkey" FOREIGN KEY ("project_id", "version") REFERENCES "revisions"("project_id", "version") ON DELETE CASCADE ON UPDATE CASCADE;
