export * from './common';
export * from './workspaces';
export * from './audit';
export * from './me';
export * from './conversations';
export * from './realtime';
