/** The domain of Claimdesk, as plain data that crosses the IPC boundary. */
export * from './annotation-import';
export * from './claim';
export * from './document';
export * from './gate';
export * from './history';
export * from './merge';
export * from './profile';
export * from './review';
export * from './source';
export * from './speaker';
export * from './tag';
export * from './verdict';
export * from './versions';
