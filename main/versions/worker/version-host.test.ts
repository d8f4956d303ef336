import { afterAll, describe, expect, it } from 'vitest';
import { compareParagraphs } from '../../../shared/versions/text-diff';
import { planLink } from '../../../shared/versions/link-plan';
import { AppError } from '../../../shared/result';
import { V1, V2 } from '../../store/version-fixtures';
import { createVersionHost } from './version-host';
import { buildVersionWorker } from './worker-build';

const anchorOf = (text: string, exact: string) => {
  const start = text.indexOf(exact);
  return { exact, start, end: start + exact.length, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
};

describe('the version worker host (a real worker thread)', () => {
  const workerFile = buildVersionWorker();
  const host = createVersionHost({ workerFile });
  afterAll(() => host.close());
  const input = {
    oldText: V1,
    text: V2,
    claims: ['At least 38 people have been killed', 'Order will be restored by Sunday, whatever it takes', 'shoot-to-kill order'].map((exact, id) => ({ id, anchor: anchorOf(V1, exact) })),
  };

  it('plans a link and compares two versions as the same code does on this thread', async () => {
    expect(await host.planLink(input)).toEqual(planLink(input));
    expect(await host.compare(V1, V2)).toEqual(compareParagraphs(V1, V2));
  });

  it('answers jobs sent together one after the other, a refused one with its AppError', async () => {
    const tooShort = { oldText: V1, text: 'Short.', claims: input.claims };
    const [a, b, c] = await Promise.allSettled([host.compare('One.', 'One.\n\nTwo.'), host.planLink(tooShort), host.planLink(input)]);
    expect(a).toMatchObject({ status: 'fulfilled', value: [{ kind: 'same' }, { kind: 'added' }] });
    expect(b.status).toBe('rejected');
    const refusal = (b as PromiseRejectedResult).reason as unknown;
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ kind: 'invalid-argument', message: expect.stringContaining('shorter than the quote') });
    expect(c).toMatchObject({ status: 'fulfilled', value: planLink(input) });
  });

  it('stops a job that runs too long, says so, and the next job gets a fresh worker', async () => {
    const impatient = createVersionHost({ workerFile, timeoutMs: 1 });
    try {
      const long = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of a long article, with some words.`).join('\n\n');
      await expect(impatient.compare(long, long.replaceAll('some', 'other'))).rejects.toMatchObject({ kind: 'too-large', message: expect.stringContaining('took longer than') });
    } finally {
      await impatient.close();
    }
    expect(await host.compare('Still working.', 'Still working.')).toEqual([{ kind: 'same', parts: [{ kind: 'same', text: 'Still working.' }] }]);
  });
});
