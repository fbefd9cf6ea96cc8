// The demo county: one guidance centre, three township/street stations, two community rooms each,
// and one demo user per role placed where that role works (DOMAIN.md §1 and §4), plus the
// centre's supervisor who approves plans and a community room's officer (whose view stops at the room).
import type { Role, UnitKind } from '../generated/enums';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  /** The user heads the unit (站长, 中心主任): `unitHead` assignee rules reach them. */
  heads?: true;
}

export const demoUnits: DemoUnit[] = [
  { code: 'LC', name: '历城区社会工作指导中心', kind: 'county_center' },
  { code: 'LC-HJL', name: '洪家楼街道社会工作服务站', kind: 'station', parentCode: 'LC' },
  { code: 'LC-HJL-01', name: '洪家楼北路社区社会工作室', kind: 'room', parentCode: 'LC-HJL' },
  { code: 'LC-HJL-02', name: '花园路社区社会工作室', kind: 'room', parentCode: 'LC-HJL' },
  { code: 'LC-TY', name: '唐冶街道社会工作服务站', kind: 'station', parentCode: 'LC' },
  { code: 'LC-TY-01', name: '唐冶新城社区社会工作室', kind: 'room', parentCode: 'LC-TY' },
  { code: 'LC-TY-02', name: '围子山社区社会工作室', kind: 'room', parentCode: 'LC-TY' },
  { code: 'LC-ZP', name: '仲宫镇社会工作服务站', kind: 'station', parentCode: 'LC' },
  { code: 'LC-ZP-01', name: '仲宫村社会工作室', kind: 'room', parentCode: 'LC-ZP' },
  { code: 'LC-ZP-02', name: '柳埠村社会工作室', kind: 'room', parentCode: 'LC-ZP' },
];

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', unitCode: 'LC' },
  { username: 'shegong', displayName: '李晓梅（驻站社工）', role: 'officer', unitCode: 'LC-HJL' },
  {
    username: 'zhanzhang',
    displayName: '王建国（站长）',
    role: 'supervisor',
    unitCode: 'LC-HJL',
    heads: true,
  },
  {
    username: 'zhongxin',
    displayName: '赵敏（指导中心督导）',
    role: 'supervisor',
    unitCode: 'LC',
    heads: true,
  },
  { username: 'shegong-room', displayName: '孙丽（社工室社工）', role: 'officer', unitCode: 'LC-HJL-01' },
  { username: 'zhuanjia', displayName: '张慧（评审专家）', role: 'committee_member', unitCode: 'LC' },
  { username: 'xuanba', displayName: '刘洋（选拔管理工作办公室）', role: 'selection_office', unitCode: 'LC' },
  { username: 'lingdao', displayName: '陈志强（人才工作领导小组）', role: 'leading_group', unitCode: 'LC' },
  // The leading group decides a round's list and a revocation by majority of three seats.
  { username: 'lingdao2', displayName: '王伟（人才工作领导小组）', role: 'leading_group', unitCode: 'LC' },
  { username: 'lingdao3', displayName: '黄丽（人才工作领导小组）', role: 'leading_group', unitCode: 'LC' },
];
