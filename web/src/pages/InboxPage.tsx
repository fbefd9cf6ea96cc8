// The inbox area (工作台): its pages live in ../work/inbox.
export { default } from '../work/inbox/InboxArea';
