// The demo county's selection committee (评审专家) beside zhuanjia: a round asks five reviewers per
// candidate by default (config.review.minReviewersPerCandidate), and one who declares a conflict
// (申报回避) must leave enough others, so the county centre has seven committee members in all.
import type { DemoUser } from './demo-county';

const EXPERTS = ['王立群', '周文静', '吴海涛', '郑雪', '冯建华', '陈晓燕'];

export const demoCommitteeMembers: DemoUser[] = EXPERTS.map((name, index) => ({
  username: `zhuanjia${index + 2}`,
  displayName: `${name}（评审专家）`,
  role: 'committee_member',
  unitCode: 'LC',
}));
