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
  getDocumentSummary,
  listDocuments,
  updateDocumentMeta,
  type NewDocument,
} from './documents';
export { getActor, setActor } from './actor';
export { ensureProfile, getProfile, listProfiles } from './profiles';
export { listHistory, undoChange } from './history';
export {
  createClaim,
  deleteClaim,
  getClaim,
  linkClaims,
  listClaims,
  reattachClaim,
  restoreClaim,
  unlinkClaim,
  updateClaim,
  type NewClaim,
} from './claims';
export { createClaims, RefusedClaim, type NewClaimItem } from './claims-bulk';
export { filterClaims } from './claim-filter';
export {
  claimsCitingSource,
  createSource,
  deleteSource,
  getSource,
  listSources,
  mergeSources,
  restoreSource,
  updateSource,
} from './sources';
export { addAttachment, deleteAttachment, readAttachment, type AttachmentFile } from './attachments';
export {
  createSpeaker,
  deleteSpeaker,
  getSpeaker,
  listSpeakers,
  mergeSpeakers,
  restoreSpeaker,
  updateSpeaker,
} from './speakers';
export { createVerdict, deleteVerdict, listVerdicts, reorderVerdicts, updateVerdict } from './verdicts';
export { createTag, deleteTag, findOrCreateTag, listTags, mergeTags, moveTag, updateTag } from './tags';
export { searchProject, toFtsQuery } from './search';
export { compareVersions, findPreviousVersionCandidate, keepSeparate, linkAsNewVersion, listVersions } from './versions';
export { getVersionChange, listVersionChanges, reattachVersionChange, resolveVersionChange } from './version-queue';
export { electronNativeDir, nativeBindingOption, useElectronNativeBinding } from './native-binding';
