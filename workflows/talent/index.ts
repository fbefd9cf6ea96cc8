// Talent selection and term management, the pure rules: round options with the "海右" defaults,
// screening, committee review, ranking and quota allocation, objections and allowance arithmetic.
export * from './talent-vocabulary';
export * from './round-config';
export * from './talent-application';
export { parseIsoDate, addDays, addYears, wholeMonthsBetween, shanghaiDate } from './calendar';
export * from './eligibility';
export * from './review-scoring';
export * from './quota-allocation';
export * from './objections';
export * from './allowance';
export * from './term-end';
export * from './notice-period';
