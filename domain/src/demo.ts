/**
 * Demo accounts of the local system (one per role), shared by the seed, the README printout and
 * the tests. Local only: the emulators run under a `demo-` project ID that reaches no real project.
 */
import type { OrgRole, UnitRole } from './schemas.js';

export const DEMO_ORG_ID = 'hai-an';
export const DEMO_MOVEMENT_ID = 'kh-119-2025';
export const DEMO_PASSWORD = 'thidua2025';

export interface DemoAccount {
  email: string;
  displayName: string;
  position: string;
  roles: OrgRole[];
  units: Record<string, UnitRole>;
  /** What this account demonstrates, Vietnamese first. */
  role: { vi: string; en: string };
}

export const demoAccounts: DemoAccount[] = [
  {
    email: 'canbo.vp@haian.test',
    displayName: 'Nguyễn Thị Lan',
    position: 'Chuyên viên',
    roles: [],
    units: { vp: 'staff' },
    role: { vi: 'Cán bộ Văn phòng HĐND và UBND', en: 'Unit staff, Office' },
  },
  {
    email: 'truong.vp@haian.test',
    displayName: 'Trần Văn Hùng',
    position: 'Chánh Văn phòng',
    roles: [],
    units: { vp: 'head' },
    role: { vi: 'Thủ trưởng Văn phòng HĐND và UBND', en: 'Unit head, Office' },
  },
  {
    email: 'canbo.kt@haian.test',
    displayName: 'Lê Minh Tuấn',
    position: 'Chuyên viên',
    roles: [],
    units: { kt: 'staff' },
    role: { vi: 'Cán bộ Phòng Kinh tế, Hạ tầng và Đô thị', en: 'Unit staff, Economy' },
  },
  {
    email: 'truong.kt@haian.test',
    displayName: 'Phạm Thu Hà',
    position: 'Trưởng phòng',
    roles: [],
    units: { kt: 'head' },
    role: { vi: 'Trưởng Phòng Kinh tế, Hạ tầng và Đô thị', en: 'Unit head, Economy' },
  },
  {
    email: 'vhxh@haian.test',
    displayName: 'Đỗ Thị Mai',
    position: 'Chuyên viên Phòng Văn hóa – Xã hội',
    roles: ['secretariat'],
    units: { vhxh: 'staff' },
    role: { vi: 'Thường trực (Phòng Văn hóa – Xã hội)', en: 'Secretariat' },
  },
  {
    email: 'hoidong@haian.test',
    displayName: 'Vũ Đức Thắng',
    position: 'Ủy viên Hội đồng TĐKT',
    roles: ['council'],
    units: {},
    role: { vi: 'Thành viên Hội đồng Thi đua – Khen thưởng', en: 'Council member' },
  },
  {
    email: 'chutich@haian.test',
    displayName: 'Cao Huy Hiếu',
    position: 'Chủ tịch UBND phường',
    roles: ['chair', 'council'],
    units: {},
    role: { vi: 'Chủ tịch (Chủ tịch Hội đồng)', en: 'Chair' },
  },
  {
    email: 'quantri@haian.test',
    displayName: 'Hoàng Văn Nam',
    position: 'Quản trị hệ thống',
    roles: ['admin'],
    units: {},
    role: { vi: 'Quản trị', en: 'Admin' },
  },
];
