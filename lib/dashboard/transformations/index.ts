export { applyTransformations, type Transformed } from "./apply";
export {
  type CellValue,
  concatFrames,
  type DataFrame,
  type FrameField,
  frameLength,
  tableFrames,
} from "./frame";
