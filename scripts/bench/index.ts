/** npm run bench [bundle|api|preview|designer|routing|backtest|simulation|notify|sharing]: every benchmark, each printing its own figures. Nothing here asserts. */
import { benchApi } from "./api";
import { benchBacktest } from "./backtest";
import { benchBundle } from "./bundle";
import { benchDesigner } from "./designer";
import { benchNotify } from "./notify-send";
import { benchPreview } from "./preview";
import { benchRouting } from "./routing";
import { benchRuleImport } from "./rule-import";
import { benchSharing } from "./sharing";
import { benchSimulation } from "./simulation";

const only = process.argv[2];
if (!only || only === "bundle") benchBundle();
if (!only || only === "api") await benchApi();
if (!only || only === "preview") await benchPreview();
if (!only || only === "designer") await benchDesigner();
if (!only || only === "routing") benchRouting();
if (!only || only === "rule-import") benchRuleImport();
if (!only || only === "simulation") benchSimulation();
if (!only || only === "backtest") await benchBacktest();
if (!only || only === "notify") await benchNotify();
if (!only || only === "sharing") await benchSharing();
