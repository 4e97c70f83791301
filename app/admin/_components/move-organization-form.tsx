"use client";

import { ActionForm } from "@/components/action-form";
import { moveOrganizationAction } from "@/lib/admin/actions";

/** 乡镇撤并, a department moved: the unit goes under another parent with its reports, catalog and history. */
export function MoveOrganizationForm({ organization, parents }: { organization: { id: string; name: string }; parents: { id: string; name: string }[] }) {
  if (parents.length === 0) return null;
  return (
    <ActionForm
      action={moveOrganizationAction}
      hidden={{ organizationId: organization.id }}
      submitLabel="移动"
      successMessage="已调整隶属关系"
      className="flex flex-wrap items-end gap-1"
    >
      <label className="text-sm">
        <span className="sr-only">{organization.name}的</span>新的上级单位
        <select name="parentId" defaultValue="" className="ml-1 max-w-48 rounded border border-gray-400 px-1 py-0.5">
          <option value="">请选择</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
      </label>
    </ActionForm>
  );
}
