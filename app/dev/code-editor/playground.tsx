"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";

export function Playground(): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (!show || !ref.current) return;
    const el = ref.current;
    let disposed = false;
    void import("@/components/code-editor/monaco-setup").then(({ setupMonaco }) => {
      if (disposed) return;
      const monaco = setupMonaco();
      monaco.editor.create(el, { value: '{"a": 1,, }', language: "json", theme: "obsforge-light" });
    });
    return () => { disposed = true; };
  }, [show]);
  return (
    <div>
      <button type="button" onClick={() => setShow(true)}>Show</button>
      <div ref={ref} style={{ height: 300, border: "1px solid #ccc" }} data-testid="host" />
    </div>
  );
}
