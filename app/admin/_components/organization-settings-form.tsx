"use client";

import { ActionForm } from "@/components/action-form";
import { updateOrganizationSettingsAction } from "@/lib/admin/actions";
import { publisherLabels } from "@/lib/organizations/schemas";

const field = "ml-1 rounded border border-gray-400 px-1 py-0.5";

/** A unit's publication setting and 统一社会信用代码, changed in place. */
export function OrganizationSettingsForm({ organization }: { organization: { id: string; name: string; code: string | null; publisher: "REVIEWER" | "SUPERVISOR" } }) {
  return (
    <ActionForm
      action={updateOrganizationSettingsAction}
      hidden={{ organizationId: organization.id }}
      submitLabel="保存"
      successMessage="已保存"
      className="flex flex-wrap items-end gap-1"
    >
      <label className="text-sm">
        <span className="sr-only">{organization.name}的</span>机构代码
        <input name="code" defaultValue={organization.code ?? ""} maxLength={18} className={`${field} w-44 font-mono`} />
      </label>
      <label className="text-sm">
        <span className="sr-only">{organization.name}的</span>发布方式
        <select name="publisher" defaultValue={organization.publisher} className={field}>
          {Object.entries(publisherLabels).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </label>
    </ActionForm>
  );
}
