/**
 * Notification templates executed as Alertmanager executes them (template/template.go): the
 * built-in default.tmpl and email.tmpl, then the configuration's template files, parsed once into
 * one set; each field of an integration (`title: '{{ template "x" . }}'`) is then parsed as the
 * unnamed template "" over that set with missingkey=zero and run on the alert group's data —
 * as text, or, for an e-mail's `html`, with html/template's contextual escaping.
 */
import { BUILTINS } from "../templates/builtins";
import { execute, TemplateExecError } from "../templates/exec";
import { parseTemplate, type TemplateSet, TemplateParseError } from "../templates/parser";
import { alertmanagerFunctions } from "./functions";
import { escapeHtmlTemplates, HTML_ESCAPERS } from "./html-escape";
import { type NotificationData, templateDataValue } from "./template-data";
import { ALERTMANAGER_DEFAULT_TMPL, ALERTMANAGER_EMAIL_TMPL } from "./upstream-templates";

export interface TemplateFile {
  /** The file's base name, which is also the name of its top-level template (ParseGlob). */
  name: string;
  text: string;
}

export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; stage: "parse" | "execute"; error: string };

export interface RenderOptions {
  /** The clock of `since`; tests pass a fixed one. */
  now?: () => bigint;
}

const functionNames = new Set(Object.keys(alertmanagerFunctions()));
const hasFunction = (name: string): boolean => functionNames.has(name) || name in BUILTINS;

/** A set of loaded template files, ready to render fields; parse errors of the files are kept. */
export interface LoadedTemplates {
  templates: TemplateSet;
  /** `template: obsforge.tmpl:12: function "x" not defined`: Alertmanager refuses to start. */
  fileErrors: { file: string; error: string }[];
}

/** Parses Alertmanager's built-in templates and then `files`, later definitions replacing earlier ones. */
export function loadTemplates(files: readonly TemplateFile[]): LoadedTemplates {
  const templates: TemplateSet = new Map();
  const fileErrors: LoadedTemplates["fileErrors"] = [];
  const all = [
    { name: "default.tmpl", text: ALERTMANAGER_DEFAULT_TMPL },
    { name: "email.tmpl", text: ALERTMANAGER_EMAIL_TMPL },
    ...files,
  ];
  for (const file of all) {
    try {
      for (const [name, tree] of parseTemplate(file.name, file.text, { hasFunction }))
        templates.set(name, tree);
    } catch (error) {
      if (!(error instanceof TemplateParseError)) throw error;
      fileErrors.push({ file: file.name, error: error.message });
    }
  }
  return { templates, fileErrors };
}

let builtinOnly: LoadedTemplates | undefined;
/** Only Alertmanager's built-in templates (parsed once). */
export function builtinTemplates(): LoadedTemplates {
  builtinOnly ??= loadTemplates([]);
  return builtinOnly;
}

let defaultFuncs: ReturnType<typeof alertmanagerFunctions> | undefined;
function functionsFor(
  mode: "text" | "html",
  options: RenderOptions,
): ReturnType<typeof alertmanagerFunctions> {
  defaultFuncs ??= { ...alertmanagerFunctions(), ...HTML_ESCAPERS };
  if (!options.now) return defaultFuncs;
  return { ...alertmanagerFunctions({ now: options.now }), ...(mode === "html" ? HTML_ESCAPERS : {}) };
}

// A field's parsed (and, for html, escaped) set depends only on the loaded files and its text,
// not on the data: validation and previews render the same fields for many groups.
const prepared = new WeakMap<LoadedTemplates, Map<string, TemplateSet>>();
const MAX_PREPARED = 200;

function prepare(loaded: LoadedTemplates, text: string, mode: "text" | "html"): TemplateSet {
  let cache = prepared.get(loaded);
  if (!cache) {
    cache = new Map();
    prepared.set(loaded, cache);
  }
  const key = `${mode}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const own = parseTemplate("", text, { hasFunction });
  let templates: TemplateSet = new Map(loaded.templates);
  for (const [name, tree] of own) templates.set(name, tree);
  if (mode === "html") templates = escapeHtmlTemplates(templates, "");
  if (cache.size >= MAX_PREPARED) cache.clear();
  cache.set(key, templates);
  return templates;
}

function render(
  loaded: LoadedTemplates,
  text: string,
  data: NotificationData,
  mode: "text" | "html",
  options: RenderOptions,
): RenderResult {
  // ExecuteTextString: an empty field is "" without parsing; text without actions is itself.
  if (text === "" || (mode === "text" && !text.includes("{{"))) return { ok: true, text };
  let stage: "parse" | "execute" = "parse";
  try {
    const templates = prepare(loaded, text, mode);
    stage = "execute";
    const funcs = functionsFor(mode, options);
    return {
      ok: true,
      text: execute({ name: "", text, templates, funcs, builtins: BUILTINS }, templateDataValue(data)),
    };
  } catch (error) {
    if (!(error instanceof TemplateParseError || error instanceof TemplateExecError)) throw error;
    return { ok: false, stage, error: error.message };
  }
}

/** ExecuteTextString of Alertmanager. */
export function renderText(
  loaded: LoadedTemplates,
  text: string,
  data: NotificationData,
  options: RenderOptions = {},
): RenderResult {
  return render(loaded, text, data, "text", options);
}

/** ExecuteHTMLString of Alertmanager (html/template). */
export function renderHtml(
  loaded: LoadedTemplates,
  text: string,
  data: NotificationData,
  options: RenderOptions = {},
): RenderResult {
  return render(loaded, text, data, "html", options);
}
