import type { ReactNode } from "react";
import { Playground } from "./playground";

export default function Page(): ReactNode {
  return (
    <main>
      <h1>Code editor</h1>
      <Playground />
    </main>
  );
}
