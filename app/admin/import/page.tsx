import type { Metadata } from "next";
import { adminScope } from "@/lib/organizations/admin-scope";
import { getActor } from "@/lib/auth/current-actor";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";
import { MAX_REGISTER_ROWS } from "@/lib/register/read-sheets";
import { scopeNames } from "@/lib/register/scope-names";
import { UploadRegisterForm } from "./_components/upload-register-form";

export const metadata: Metadata = { title: "导入单位和账号名录" };

export default async function ImportRegisterPage() {
  const actor = await getActor();
  if (!actor) return redirectToSignIn("/admin/import");
  const scope = adminScope(actor);
  if (!scope) return <p>只有管理员可以导入单位和账号名录。</p>;
  const region = await scopeNames(scope);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">导入单位和账号名录</h1>
      <p className="mb-3 text-sm">
        {region ? `您管理的地区：${region.join("、")}。只能新增或修改本地区内的单位和账号。` : "系统管理员：可导入任何地区的名录。"}
      </p>
      <p className="mb-2 text-sm">
        上传政务公开办保存的单位和账号名录：Excel 文件（.xlsx，含“单位”和“账号”两个工作表，表头上方可以有标题行），
        或另存的 CSV 文件（UTF-8 或 GBK 编码；单位表和账号表可以同时选择）。
        <a href="/admin/import/template" download className="ml-1 text-blue-800 underline">下载名录模板（.xlsx）</a>
      </p>
      <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
        <li>单位以统一社会信用代码识别，名称只是标签（各区都可能有“财政局”）：没有代码的单位不能导入。名称或上级改了，是修改原单位（下级单位和报告随之移动），不会重复创建。</li>
        <li>上传后先预览：每一行显示新增、变更（列出改动）、无变化或拒绝（写明原因）。确认之前，系统中不会有任何改动。</li>
        <li>
          有被拒绝的行时不能导入：请按原因改好文件后重新上传。这样导入的结果与名录完全一致，不会只导入了一半的地区（比如有了乡镇却缺了它所属的区）。
        </li>
        <li>新账号不设密码：导入后显示每人的一次性邀请链接（7天内有效，只显示这一次），请交给本人，由本人设置密码；填了电子邮箱的，链接同时发到邮箱。</li>
        <li>同一个文件再次导入不会重复创建；导入只增加角色，不会取消已有的角色。一次最多 {MAX_REGISTER_ROWS} 行。</li>
      </ul>
      <UploadRegisterForm />
      <p className="mt-6 text-sm"><a href="/admin" className="underline">返回系统管理</a></p>
    </>
  );
}
