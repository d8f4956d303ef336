/**
 * The project store: opening project files and the synchronous data layer `(db, ...args)`.
 */
export {
  APPLICATION_ID,
  DEFAULT_PROJECT_FILE,
  PROJECT_EXTENSION,
  closeProject,
  openDefaultProject,
  openProject,
} from './open-project';
export { LATEST_VERSION, migrate, type Migration } from './migrate';
export {
  createDocument,
  findDocumentByOrigin,
  getDocument,
  listDocuments,
  updateDocumentMeta,
  type NewDocument,
} from './documents';
export { createClaim, deleteClaim, getClaim, listClaims, restoreClaim, updateClaim, type NewClaim } from './claims';
export { listVerdicts } from './verdicts';
export { SNIPPET_CLOSE, SNIPPET_OPEN, searchProject, toFtsQuery, type SearchHit } from './search';
export { electronNativeDir, nativeBindingOption, useElectronNativeBinding } from './native-binding';
