// Monaco's JSON language worker (validation, formatting, folding), bundled from the app; see monaco-setup.ts.
import "monaco-editor/languages/features/json/json.worker";
