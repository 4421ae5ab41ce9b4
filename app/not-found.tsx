import Link from "next/link";
import type { ReactNode } from "react";

export default function NotFound(): ReactNode {
  return (
    <main>
      <h1>Not found</h1>
      <p className="muted">There is nothing at this address. The project may have been deleted.</p>
      <p>
        <Link className="button" href="/">
          All projects
        </Link>
      </p>
    </main>
  );
}
