// Demo accounts, one per role, with passwords printed by the demo and given
// in the README. Only the demo creates them; a real installation starts with
// none (npm run create-admin).
import type { Role } from "@/lib/generated/prisma/enums";

export interface DemoAccount {
  username: string;
  displayName: string;
  password: string;
  isSystemAdmin?: boolean;
  isAuditor?: boolean;
  roles: { organization: string; role: Role }[];
}

export const demoAccounts: DemoAccount[] = [
  { username: "admin", displayName: "系统管理员", password: "Admin-demo-2026", isSystemAdmin: true, roles: [] },
  {
    username: "leiguan-clerk",
    displayName: "雷官镇填报人",
    password: "Clerk-demo-2026",
    roles: [{ organization: "laian-leiguan", role: "CLERK" }],
  },
  {
    username: "leiguan-reviewer",
    displayName: "雷官镇审核人",
    password: "Review-demo-2026",
    roles: [{ organization: "laian-leiguan", role: "REVIEWER" }],
  },
  {
    username: "laian-supervisor",
    displayName: "来安县政务公开办",
    password: "Super-demo-2026",
    roles: [{ organization: "laian", role: "SUPERVISOR" }],
  },
  // One 主管部门 per level above the county, and a city's own administrator.
  {
    username: "anhui-supervisor",
    displayName: "安徽省政务公开办",
    password: "Province-demo-2026",
    roles: [{ organization: "anhui", role: "SUPERVISOR" }],
  },
  {
    username: "chuzhou-supervisor",
    displayName: "滁州市政务公开办",
    password: "City-demo-2026",
    roles: [{ organization: "chuzhou", role: "SUPERVISOR" }],
  },
  {
    username: "chuzhou-admin",
    displayName: "滁州市系统管理员",
    password: "Admin-city-2026",
    roles: [{ organization: "chuzhou", role: "ADMINISTRATOR" }],
  },
  {
    username: "quanjiao-supervisor",
    displayName: "全椒县政务公开办",
    password: "Super-demo-2026",
    roles: [{ organization: "quanjiao", role: "SUPERVISOR" }],
  },
  { username: "auditor", displayName: "审计员", password: "Audit-demo-2026", isAuditor: true, roles: [] },
  {
    username: "xinan-clerk",
    displayName: "新安镇填报人",
    password: "Clerk-demo-2026",
    roles: [{ organization: "laian-xinan", role: "CLERK" }],
  },
];
