/**
 * Signed exchange packages between a community's desktop app and its street or township hub
 * (issue 18). Node-only (node:crypto): the desktop's main process and the hub server use it;
 * the renderer never does.
 */
export * from './canonical';
export * from './keys';
export * from './package';
export * from './records';
export * from './pull';
