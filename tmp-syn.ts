import { synthesizeOpenMetricsFile, endingAt } from "./scripts/demo/synthesize";
const t0 = Date.now();
const stats = await synthesizeOpenMetricsFile("/tmp/omtest/demo.om", endingAt(Math.floor(Date.now()/1000), Number(process.argv[2] ?? 3)));
console.log(stats, Date.now() - t0, "ms");
