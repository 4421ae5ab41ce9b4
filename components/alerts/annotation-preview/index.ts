export { AnnotationPreview, type AnnotationPreviewProps } from "./annotation-preview";
export { parseErrors, type TemplateField, type TemplateRule } from "./field-errors";
