// The register template (.xlsx): the 单位 and 账号 sheets and their notes.
import { registerTemplate } from "@/lib/register/template";

export async function GET() {
  return new Response(new Uint8Array(await registerTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="register-template.xlsx"; filename*=UTF-8''${encodeURIComponent("单位和账号名录模板.xlsx")}`,
    },
  });
}
