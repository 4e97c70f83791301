import type { Metadata } from "next";
import NotFound from "../not-found";

// The not-found page as a page of its own. Next.js sends a 404 as an empty
// shell that its client runtime fills in; the production server sends public
// pages without that runtime, so for a 404 it sends this page's HTML instead,
// with status 404 (server.ts), and a reader without script sees the words.
export const metadata: Metadata = { title: "未找到该页面", robots: { index: false } };

export default NotFound;
