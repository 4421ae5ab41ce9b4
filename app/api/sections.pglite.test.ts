import { makeTempDir } from "@/lib/tools/files";
import { describeSectionsApi } from "./sections-suite";

process.env.OBSFORGE_DATA_DIR = makeTempDir("obsforge-sections-api");
delete process.env.DATABASE_URL;

describeSectionsApi("pglite");
