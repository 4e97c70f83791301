import Link from "next/link";
import { SearchForm } from "@/components/portal/search-form";

export default function NotFound() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">未找到该页面</h1>
      <p className="mb-4">您访问的年度报告不存在或尚未发布。可以按单位名称和年度搜索：</p>
      <SearchForm />
      <p>
        <Link className="text-blue-800 underline" href="/">
          返回政府信息公开年报首页
        </Link>
      </p>
    </>
  );
}
