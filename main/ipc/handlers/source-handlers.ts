/** The source library, its archived copies, and the speakers. */
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain';
import { readPickedFile } from '../../import/read-picked-file';
import { attachmentTypeOf, safeFileName } from '../../import/attachment-types';
import { addAttachment, deleteAttachment, readAttachment } from '../../store/attachments';
import { claimsCitingSource, createSource, deleteSource, getSource, listSources, mergeSources, restoreSource, updateSource } from '../../store/sources';
import { createSpeaker, deleteSpeaker, listSpeakers, mergeSpeakers, restoreSpeaker, updateSpeaker } from '../../store/speakers';
import type { HandlerContext } from '../handler-context';

type SourceHandlers = Pick<
  Handlers,
  | 'sources:list'
  | 'sources:get'
  | 'sources:create'
  | 'sources:update'
  | 'sources:delete'
  | 'sources:restore'
  | 'sources:merge'
  | 'sources:claims'
  | 'attachments:addBytes'
  | 'attachments:addDialog'
  | 'attachments:open'
  | 'attachments:delete'
  | 'speakers:list'
  | 'speakers:create'
  | 'speakers:update'
  | 'speakers:delete'
  | 'speakers:restore'
  | 'speakers:merge'
>;

/** Reads a file the user picked to archive, refusing what is too large or of another kind. */
function readAttachmentFile(file: string): { fileName: string; mediaType: string; bytes: Uint8Array } {
  const name = path.basename(file);
  const mediaType = attachmentTypeOf(name);
  return { fileName: name, mediaType, bytes: readPickedFile(file, MAX_ATTACHMENT_BYTES, 'archived copies can be up to') };
}

/** The source and speaker handlers. */
export function sourceHandlers({ db, dialogs, files, scratchDir }: HandlerContext): SourceHandlers {
  return {
    'sources:list': (query) => listSources(db, query),
    'sources:get': ({ id }) => getSource(db, id),
    'sources:create': ({ fields }) => createSource(db, fields),
    'sources:update': ({ id, fields }) => updateSource(db, id, fields),
    'sources:delete': ({ id }) => deleteSource(db, id),
    'sources:restore': ({ id }) => restoreSource(db, id),
    'sources:merge': ({ keepId, mergeId }) => mergeSources(db, keepId, mergeId),
    'sources:claims': ({ id }) => claimsCitingSource(db, id),
    'attachments:addBytes': ({ sourceId, bytes, fileName }) =>
      addAttachment(db, sourceId, { fileName: safeFileName(fileName), mediaType: attachmentTypeOf(fileName), bytes }),
    'attachments:addDialog': async ({ sourceId }) => {
      getSource(db, sourceId);
      const file = await dialogs.pickAttachmentFile();
      return file === null ? null : addAttachment(db, sourceId, readAttachmentFile(file));
    },
    'attachments:open': async ({ id }) => {
      // The checksum is verified on read; a damaged copy is reported, never opened.
      const { attachment, bytes } = readAttachment(db, id);
      const folder = path.join(scratchDir, attachment.sha256);
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const target = path.join(folder, safeFileName(attachment.fileName));
      fs.writeFileSync(target, bytes, { mode: 0o600 });
      await files.openFile(target);
      return attachment;
    },
    'attachments:delete': ({ id }) => {
      const sourceId = deleteAttachment(db, id);
      return getSource(db, sourceId);
    },
    'speakers:list': (query) => listSpeakers(db, query),
    'speakers:create': ({ fields }) => createSpeaker(db, fields),
    'speakers:update': ({ id, fields }) => updateSpeaker(db, id, fields),
    'speakers:delete': ({ id }) => deleteSpeaker(db, id),
    'speakers:restore': ({ id }) => restoreSpeaker(db, id),
    'speakers:merge': ({ keepId, mergeId }) => mergeSpeakers(db, keepId, mergeId),
  };
}
