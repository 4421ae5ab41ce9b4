#!/bin/sh
# Stand-in for Prisma's schema engine, which cannot be downloaded on machines without internet.
# `prisma generate` only checks that an engine file exists; anything that would run it ends here.
echo "obsforge: Prisma's schema engine is not available offline (prisma/offline-schema-engine.sh)." >&2
echo "Migrations in prisma/migrations are applied by the app's own migrator (lib/db/migrate.ts) at start-up." >&2
exit 1
