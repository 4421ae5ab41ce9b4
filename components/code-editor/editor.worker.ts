// Monaco's editor worker (diffing, word ranges, links), bundled from the app; see monaco-setup.ts.
import "monaco-editor/editor/editor.worker";
