import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import { RememberViewer } from "@/components/dashboard/remember-viewer";
import { Providers } from "@/components/providers";
import { requireSignedInPage } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: "Obsforge",
  description: "Design Grafana dashboards and Prometheus alerts; download a bundle the real tools accept.",
};

export default async function RootLayout({ children }: { children: ReactNode }): Promise<ReactNode> {
  await requireSignedInPage();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <div className="topbar-inner">
            {/* Not prefetched: on every page (the dashboard's above all) each prefetch renders another
                page on the server while the page's own requests wait behind it. */}
            <Link href="/" className="brand" prefetch={false}>
              Obsforge
            </Link>
            <nav aria-label="Main">
              <Link href="/" prefetch={false}>
                Projects
              </Link>
              <Link href="/catalog" prefetch={false}>
                Catalog
              </Link>
            </nav>
            <UserMenu />
          </div>
        </header>
        <Providers>{children}</Providers>
        <RememberViewer />
      </body>
    </html>
  );
}
