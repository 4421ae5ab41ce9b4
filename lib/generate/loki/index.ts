export { LOKI_HTTP_PORT, LOKI_PUSH_URL } from "./log-pipeline";
export { generateLoki, LOKI_CONFIG_MOUNT, LOKI_CONFIG_PATH, LOKI_DATA_DIR } from "./loki-config";
export {
  generatePromtail,
  PROMTAIL_CONFIG_MOUNT,
  PROMTAIL_CONFIG_PATH,
  PROMTAIL_HTTP_PORT,
  PROMTAIL_POSITIONS_DIR,
} from "./promtail-config";
