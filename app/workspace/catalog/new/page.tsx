import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { findDraftableOrganization } from "@/lib/catalog/workspace-queries";
import { ItemForm } from "../_components/item-form";
import { redirectToSignIn } from "@/lib/auth/require-sign-in";

export const metadata: Metadata = { title: "新建信息" };

export default async function NewCatalogItemPage({ searchParams }: { searchParams: Promise<{ organization?: string }> }) {
  const actor = await getActor();
  if (!actor) return redirectToSignIn();
  const { organization: organizationId } = await searchParams;
  const organization = await findDraftableOrganization(actor, organizationId);
  if (!organization) notFound();
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">新建信息：{organization.name}</h1>
      <ItemForm
        mode="create"
        organizationId={organization.id}
        initial={{
          title: "",
          body: "",
          category: "",
          subject: "",
          documentNumber: "",
          issuer: organization.name,
          writtenOn: "",
          originalPublishedAt: "",
          validity: "VALID",
          validityEndedOn: "",
        }}
      />
    </>
  );
}
