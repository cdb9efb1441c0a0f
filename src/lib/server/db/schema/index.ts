export * from './auth';
export * from './org';
export * from './audit';
export * from './audit-verification';
export * from './portfolio';
export * from './benefits';
export * from './wheel';
export * from './reports';
