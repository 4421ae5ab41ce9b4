import type { LaunchOptions } from "@playwright/test";

/**
 * How the browser tests and the benchmarks start Chromium: Debian's own build (never a downloaded
 * one), without the sandbox a container lacks, and without the background traffic that would
 * reach for the internet.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
  ],
};
