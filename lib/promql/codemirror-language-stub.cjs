// The one function of @codemirror/language that @prometheus-io/codemirror-promql's type checker
// calls (lib/promql/type-checks.ts gives it a stand-in state whose field is the parsed tree). The
// browser bundle gets this instead of the real package, which would bring CodeMirror's editor
// (about 290 KB minified) into every page that checks PromQL; next.config.mjs sets the alias.
exports.syntaxTree = function syntaxTree(state) {
  const field = state.field(undefined, false);
  return field ? field.tree : undefined;
};
