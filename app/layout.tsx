import type { Metadata } from "next";
import { cookies } from "next/headers";
import { TextSizeToggle } from "@/components/text-size-toggle";
import { publicSiteUrl } from "@/lib/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    // Canonical links resolve against it: absolute, as crawlers need them.
    metadataBase: new URL(publicSiteUrl()),
    title: { default: "政府信息公开工作年度报告", template: "%s - 政府信息公开工作年度报告" },
    description: "各行政机关政府信息公开工作年度报告的填报、审核与公开",
    // public/: the SVG for browsers that show one, favicon.ico for those that
    // do not (and for tools that ask for it unprompted), a square PNG for phones.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "32x32" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const large = (await cookies()).get("text-size")?.value === "large";
  return (
    <html lang="zh-CN" className={large ? "text-large" : undefined}>
      <body className="min-h-screen bg-white font-sans text-gray-900">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          跳到正文
        </a>
        {/* Plain links: a full page load, no prefetching of every page the header names on every page opened. */}
        {/* eslint-disable @next/next/no-html-link-for-pages */}
        <header className="border-b-4 border-gov-red bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <a href="/" className="text-xl font-bold text-gov-red">
              政府信息公开工作年度报告
            </a>
            <nav aria-label="站点" className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <a href="/catalog" className="text-sm underline">
                信息公开目录
              </a>
              <a href="/search" className="text-sm underline">
                搜索
              </a>
              <TextSizeToggle large={large} />
              <a href="/workspace" className="text-sm underline">
                工作人员入口
              </a>
            </nav>
          </div>
        </header>
        {/* eslint-enable @next/next/no-html-link-for-pages */}
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
