"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { catalogCategories } from "@/lib/catalog/categories";
import { createCatalogItemAction, saveCatalogItemAction } from "@/lib/catalog/actions";
import type { WorkspaceItem } from "@/lib/catalog/workspace-queries";

type Fields = WorkspaceItem["fields"];
type Failure = { message: string; fieldErrors: Record<string, string> };
type ControlProps = {
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  className: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

/**
 * Creating or editing a draft. The inputs keep what was typed when the
 * server refuses it; each message sits by its field and is announced.
 */
export function ItemForm({
  mode,
  organizationId,
  itemId,
  version,
  initial,
}: {
  mode: "create" | "edit";
  organizationId: string;
  itemId?: string;
  version?: number;
  initial: Fields;
}) {
  const router = useRouter();
  const [fields, setFields] = useState(initial);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const set = (name: keyof Fields) => (event: { target: { value: string } }) => {
    setSaved(false);
    setFields({ ...fields, [name]: event.target.value });
  };
  const errorOf = (name: keyof Fields) => failure?.fieldErrors[name];
  const describe = (name: keyof Fields) => (errorOf(name) ? { "aria-describedby": `error-${name}`, "aria-invalid": true as const } : {});
  const message = (name: keyof Fields) =>
    errorOf(name) ? <p id={`error-${name}`} className="text-sm text-red-800">{errorOf(name)}</p> : null;
  const input = "block w-full rounded border border-gray-500 px-2 py-1";
  /** A labelled control bound to one field, with its message linked and announced. */
  const field = (name: keyof Fields, label: string, control: (props: ControlProps) => ReactNode) => (
    <div>
      <label className="block text-sm font-semibold">
        {label}
        {control({ value: fields[name], onChange: set(name), className: input, ...describe(name) })}
      </label>
      {message(name)}
    </div>
  );

  return (
    <form
      className="space-y-3"
      aria-label={mode === "create" ? "新建信息" : "编辑信息"}
      onSubmit={(event) => {
        event.preventDefault();
        setFailure(null);
        startTransition(async () => {
          const result =
            mode === "create"
              ? await createCatalogItemAction({ organizationId, ...fields })
              : await saveCatalogItemAction({ itemId: itemId!, baseVersion: version!, ...fields });
          if (!result.ok) {
            setFailure({ message: result.message, fieldErrors: result.fieldErrors ?? {} });
            return;
          }
          if (mode === "create" && "itemId" in result.data) router.push(`/workspace/catalog/items/${result.data.itemId}`);
          else {
            setSaved(true);
            router.refresh();
          }
        });
      }}
    >
      <label className="block text-sm font-semibold">
        标题
        <input value={fields.title} onChange={set("title")} required maxLength={300} className={input} {...describe("title")} />
      </label>
      {message("title")}
      <div className="grid gap-3 sm:grid-cols-2">
        {field("category", "信息类别", (props) => (
          <select {...props}>
            <option value="">请选择</option>
            {catalogCategories.map((c) => (
              <option key={c.key} value={c.key}>{c.label}（{c.article}）</option>
            ))}
          </select>
        ))}
        {field("documentNumber", "文号", (props) => <input {...props} placeholder="如：雷政〔2024〕12号" />)}
        {field("issuer", "发布机构", (props) => <input {...props} />)}
        {field("subject", "主题分类", (props) => <input {...props} placeholder="如：综合政务\政务公开" />)}
        {field("writtenOn", "成文日期", (props) => <input type="date" {...props} />)}
        {field("originalPublishedAt", "原发布日期（仅补录已在原网站发布的信息时填写）", (props) => (
          <input {...props} placeholder="如：2023-12-31 或 2023-12-31 23:30" />
        ))}
        {field("validity", "有效性", (props) => (
          <select {...props}>
            <option value="VALID">有效</option>
            <option value="REPEALED">已废止</option>
            <option value="EXPIRED">已失效</option>
          </select>
        ))}
        {field("validityEndedOn", "废止或失效日期", (props) => <input type="date" {...props} />)}
      </div>
      <label className="block text-sm font-semibold">
        正文（纯文本，段落之间空一行）
        <textarea value={fields.body} onChange={set("body")} rows={12} className={input} {...describe("body")} />
      </label>
      {message("body")}
      <div role="status" aria-live="polite" className="text-sm">
        {failure && <p className="text-red-800">{failure.message}</p>}
        {saved && !failure && <p className="text-green-800">已保存</p>}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 text-white">
        {mode === "create" ? "保存为草稿" : "保存"}
      </button>
    </form>
  );
}
