// Stands in for the `server-only` package under vitest: tests run server code in plain Node,
// where the package's guard (meant for client bundles) would throw.
export {};
