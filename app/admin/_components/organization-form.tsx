"use client";

import { ActionForm } from "@/components/action-form";
import { createOrganizationAction } from "@/lib/admin/actions";
import { creatableKinds, organizationKindLabels, publisherLabels } from "@/lib/organizations/schemas";

const field = "w-full rounded border border-gray-400 px-2 py-1";

/** A new unit under one of the region's governments (a system administrator may also begin a tree). */
export function OrganizationForm({ parents, mayCreateRoot }: { parents: { id: string; name: string }[]; mayCreateRoot: boolean }) {
  return (
    <details className="rounded border border-gray-300 p-3">
      <summary className="cursor-pointer font-semibold">新建机构</summary>
      <ActionForm action={createOrganizationAction} submitLabel="新建机构" successMessage="已新建机构" className="mt-2 grid gap-2 sm:grid-cols-2">
        <label className="text-sm">机关全称<input name="name" required className={field} /></label>
        <label className="text-sm">简称<input name="shortName" required className={field} /></label>
        <label className="text-sm">网址标识（如 laian-leiguan）<input name="slug" required className={field} /></label>
        <label className="text-sm">统一社会信用代码或组织机构代码<input name="code" className={field} /></label>
        <label className="text-sm">行政区划代码（人民政府填写，6位）<input name="regionCode" inputMode="numeric" maxLength={6} className={field} /></label>
        <label className="text-sm">类型
          <select name="kind" className={field} defaultValue="TOWNSHIP">
            {creatableKinds.map((kind) => (
              <option key={kind} value={kind}>{organizationKindLabels[kind]}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">发布方式
          <select name="publisher" className={field} defaultValue="REVIEWER">
            {Object.entries(publisherLabels).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">上级人民政府（乡镇隶属于县级政府，部门隶属于同级政府）
          <select name="parentId" className={field} defaultValue="">
            {mayCreateRoot ? <option value="">（无，作为最上级）</option> : <option value="">请选择</option>}
            {parents.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
      </ActionForm>
    </details>
  );
}
