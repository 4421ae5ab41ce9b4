export {
  ALLOY_CONFIG_MOUNT,
  ALLOY_CONFIG_PATH,
  ALLOY_DATA_DIR,
  ALLOY_HTTP_PORT,
  alloyConfigBlocks,
  generateAlloy,
} from "./alloy-config";
export {
  type AlloyAttribute,
  type AlloyBlock,
  AlloyReference,
  type AlloyStatement,
  type AlloyValue,
  attr,
  block,
  quoteAlloyString,
  ref,
  toAlloy,
} from "./alloy-syntax";
