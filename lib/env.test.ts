import { describe, expect, it } from "vitest";
import { devPagesServed, env, InvalidEnvError } from "./env";

describe("env", () => {
  it("defaults to PGlite under .data/pglite on port 3000", () => {
    expect(env({})).toEqual({ OBSFORGE_DATA_DIR: ".data/pglite", PORT: 3000 });
  });

  it("answers the parse made before while the variables stay the same, and a new one when one changes", () => {
    const first = env({ PORT: "4000", UNRELATED: "a" });
    expect(env({ PORT: "4000", UNRELATED: "b" })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(env({ PORT: "4001" }).PORT).toBe(4001);
    expect(env({ PORT: "4000", OBSFORGE_ALLOW_PRIVATE_NETWORKS: "0" })).toMatchObject({
      PORT: 4000,
      OBSFORGE_ALLOW_PRIVATE_NETWORKS: "0",
    });
    expect(() => env({ PORT: "http" })).toThrow(/PORT/);
    expect(() => env({ PORT: "http" })).toThrow(/PORT/);
  });

  it("treats empty values as unset", () => {
    expect(env({ DATABASE_URL: "", OBSFORGE_DATA_DIR: "", PORT: "" })).toEqual({
      OBSFORGE_DATA_DIR: ".data/pglite",
      PORT: 3000,
    });
  });

  it("reads a Postgres URL, a data directory and a port", () => {
    expect(
      env({
        DATABASE_URL: "postgresql://app:pw@db:5432/obsforge",
        OBSFORGE_DATA_DIR: "/var/lib/x",
        PORT: "8080",
      }),
    ).toEqual({
      DATABASE_URL: "postgresql://app:pw@db:5432/obsforge",
      OBSFORGE_DATA_DIR: "/var/lib/x",
      PORT: 8080,
    });
  });

  it("names every bad variable", () => {
    expect(() => env({ DATABASE_URL: "mysql://db/x", PORT: "http" })).toThrow(InvalidEnvError);
    expect(() => env({ DATABASE_URL: "mysql://db/x", PORT: "http" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ connection URL; PORT: /,
    );
    expect(() => env({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("serves the /dev pages under next dev, and in production only with OBSFORGE_DEV_PAGES=1", () => {
    expect(devPagesServed(env({ NODE_ENV: "development" }))).toBe(true);
    expect(devPagesServed(env({ NODE_ENV: "test" }))).toBe(true);
    expect(devPagesServed(env({ NODE_ENV: "production" }))).toBe(false);
    expect(devPagesServed(env({ NODE_ENV: "production", OBSFORGE_DEV_PAGES: "0" }))).toBe(false);
    expect(devPagesServed(env({ NODE_ENV: "production", OBSFORGE_DEV_PAGES: "" }))).toBe(false);
    expect(devPagesServed(env({ NODE_ENV: "production", OBSFORGE_DEV_PAGES: "1" }))).toBe(true);
    expect(devPagesServed(env({}))).toBe(false);
  });

  it("accepts only 0 or 1 for OBSFORGE_DEV_PAGES", () => {
    expect(() => env({ OBSFORGE_DEV_PAGES: "yes" })).toThrow(/OBSFORGE_DEV_PAGES: must be "0" or "1"/);
  });

  it("reads the demo Prometheus URL, http or https only", () => {
    expect(env({ OBSFORGE_DEMO_PROMETHEUS_URL: "http://127.0.0.1:9090" })).toMatchObject({
      OBSFORGE_DEMO_PROMETHEUS_URL: "http://127.0.0.1:9090",
    });
    expect(env({ OBSFORGE_DEMO_PROMETHEUS_URL: "" })).not.toHaveProperty("OBSFORGE_DEMO_PROMETHEUS_URL");
    expect(() => env({ OBSFORGE_DEMO_PROMETHEUS_URL: "file:///etc" })).toThrow(
      /OBSFORGE_DEMO_PROMETHEUS_URL: must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => env({ OBSFORGE_DEMO_PROMETHEUS_URL: "not a url" })).toThrow(/OBSFORGE_DEMO_PROMETHEUS_URL/);
  });

  it("reads only the variables it declares", () => {
    expect(env({ HOME: "/root", UPDATE_GOLDEN: "1" })).toEqual({
      OBSFORGE_DATA_DIR: ".data/pglite",
      PORT: 3000,
    });
  });
});
