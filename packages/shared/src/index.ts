export * from './errors.ts';
export * from './events.ts';
export * from './periods.ts';
export * from './permissions.ts';
export * from './schemas/auth.ts';
export * from './schemas/common.ts';
export * from './schemas/orgunits.ts';
export * from './schemas/users.ts';
