import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain';
import { setActor } from './actor';
import { addAttachment, deleteAttachment, readAttachment } from './attachments';
import { ensureProfile } from './profiles';
import { createSource, deleteSource, getSource } from './sources';
import { expectRefused, sourceFields, tempProject } from './test-support';

const pdf = (text: string) => ({ fileName: 'report.pdf', mediaType: 'application/pdf', bytes: new TextEncoder().encode(text) });

describe('attachments', () => {
  it('archives a file with its size and SHA-256, and reads it back', () => {
    const { db } = tempProject();
    setActor(db, ensureProfile(db, { uid: 'u', name: 'Lena', initials: 'LH', color: '#000000' }).id);
    const source = createSource(db, sourceFields());
    const file = pdf('%PDF-1.7 casualty figures');
    const attachment = addAttachment(db, source.id, { ...file, fileName: 'C:\\Downloads\\report.pdf' });
    expect(attachment).toMatchObject({
      sourceId: source.id,
      fileName: 'report.pdf',
      mediaType: 'application/pdf',
      size: file.bytes.byteLength,
      sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
    });
    expect(getSource(db, source.id).attachments).toEqual([attachment]);
    const read = readAttachment(db, attachment.id);
    expect(read.attachment).toEqual(attachment);
    expect(Buffer.from(read.bytes).equals(Buffer.from(file.bytes))).toBe(true);
    expect(db.prepare('SELECT added_by FROM source_attachments').pluck().get()).not.toBeNull();
  });

  it('reports a damaged copy whose bytes no longer match the recorded checksum', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const attachment = addAttachment(db, source.id, pdf('%PDF-1.7 original'));
    db.prepare('UPDATE source_attachments SET data = ? WHERE id = ?').run(Buffer.from('%PDF-1.7 tampered'), attachment.id);
    expect(() => readAttachment(db, attachment.id)).toThrow(
      expect.objectContaining({
        kind: 'damaged',
        message: 'The archived copy of "report.pdf" is damaged: its checksum does not match the one recorded when it was added.',
      }),
    );
  });

  it('refuses an empty file, a file over the limit, and a source that is missing or in the bin', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    expectRefused(db, () => addAttachment(db, source.id, pdf('')), 'bad-file', '"report.pdf" is empty');
    const huge = { ...pdf(''), bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) };
    expectRefused(db, () => addAttachment(db, source.id, huge), 'too-large', '"report.pdf" is larger than 50 MB');
    expectRefused(db, () => addAttachment(db, 999, pdf('x')), 'not-found');
    expectRefused(db, () => addAttachment(db, source.id, { ...pdf('x'), fileName: ' ' }), 'invalid-argument');
    deleteSource(db, source.id);
    expectRefused(db, () => addAttachment(db, source.id, pdf('x')), 'invalid-argument', /in the bin/);
  });

  it('deletes an attachment from its source, recorded as a change of the source', () => {
    const { db } = tempProject();
    const source = createSource(db, sourceFields());
    const kept = addAttachment(db, source.id, pdf('one'));
    const gone = addAttachment(db, source.id, pdf('two'));
    expect(deleteAttachment(db, gone.id)).toBe(source.id);
    expect(getSource(db, source.id).attachments).toEqual([kept]);
    expect(() => readAttachment(db, gone.id)).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(() => deleteAttachment(db, gone.id)).toThrow(expect.objectContaining({ kind: 'not-found' }));
    const last = db.prepare("SELECT before_json, after_json FROM history WHERE entity = 'source' ORDER BY id DESC LIMIT 1").get();
    expect(last).toEqual({
      before_json: JSON.stringify({ attachmentIds: [kept.id, gone.id] }),
      after_json: JSON.stringify({ attachmentIds: [kept.id] }),
    });
  });
});
