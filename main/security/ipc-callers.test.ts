import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/ipc/contract';
import { createDispatcher } from '../ipc/dispatcher';
import { callerOf, trustedCaller } from './ipc-callers';

/** The real dispatcher over handlers that only record that they ran. */
function dispatcherWithSpies(devServerUrl: string | null = null) {
  const ran: string[] = [];
  const handlers = new Proxy({}, { get: (_target, channel) => async () => void ran.push(String(channel)) }) as unknown as Handlers;
  return { dispatcher: createDispatcher(handlers, { isTrustedCaller: trustedCaller(devServerUrl) }), ran };
}

/** An IPC event as Electron describes it: the sending frame and the window's top frame. */
function eventFrom(url: string, { subframe = false } = {}) {
  const mainFrame = { url: 'app://claimdesk/index.html' };
  return { senderFrame: subframe ? { url } : Object.assign(mainFrame, { url }), sender: { mainFrame } };
}

describe('checklist: every IPC call goes through the one dispatcher, which checks the sender and validates arguments', () => {
  it('answers the app page in the top frame', async () => {
    const { dispatcher, ran } = dispatcherWithSpies();
    const result = await dispatcher.dispatch('links:open', { url: 'https://example.org/' }, callerOf(eventFrom('app://claimdesk/index.html#claims')));
    expect(result.ok).toBe(true);
    expect(ran).toEqual(['links:open']);
  });

  it.each([
    ['a subframe of the app page', eventFrom('app://claimdesk/index.html', { subframe: true })],
    ['a destroyed frame', { senderFrame: null, sender: { mainFrame: {} } }],
    ['another site', eventFrom('https://evil.example/')],
    ['a look-alike host', eventFrom('app://claimdesk.evil.example/index.html')],
    ['a host that only starts like the app', eventFrom('app://claimdeskx/index.html')],
    ['credentials before the host', eventFrom('app://claimdesk@evil.example/index.html')],
    ['a file page', eventFrom('file:///tmp/claimdesk/index.html')],
    ['a data page', eventFrom('data:text/html,<script>1</script>')],
    ['about:blank', eventFrom('about:blank')],
    ['http with the app host', eventFrom('http://claimdesk/index.html')],
  ])('refuses %s before validating or running anything', async (_name, event) => {
    const { dispatcher, ran } = dispatcherWithSpies();
    const result = await dispatcher.dispatch('links:open', { url: 'https://example.org/' }, callerOf(event));
    expect(result).toEqual({ ok: false, error: { kind: 'forbidden', message: 'Request from an untrusted page.' } });
    expect(ran).toEqual([]);
  });

  it('validates the arguments of a trusted caller before the handler runs', async () => {
    const { dispatcher, ran } = dispatcherWithSpies();
    const app = callerOf(eventFrom('app://claimdesk/index.html'));
    for (const args of [{ url: 42 }, { url: 'https://example.org/', extra: true }, { url: 'x'.repeat(5000) }, 'https://example.org/', null]) {
      const result = await dispatcher.dispatch('links:open', args, app);
      expect(result.ok, JSON.stringify(args)).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('invalid-argument');
    }
    expect(await dispatcher.dispatch('no:such-channel', {}, app)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await dispatcher.dispatch('__proto__', {}, app)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(ran).toEqual([]);
  });

  it('trusts the dev server only at its exact loopback origin, and only when there is one', () => {
    const top = (frameUrl: string) => ({ frameUrl, isMainFrame: true });
    expect(trustedCaller('http://localhost:5173')(top('http://localhost:5173/index.html'))).toBe(true);
    expect(trustedCaller('http://localhost:5173')(top('http://localhost:5174/index.html'))).toBe(false);
    expect(trustedCaller('http://localhost:5173')({ frameUrl: 'http://localhost:5173/index.html', isMainFrame: false })).toBe(false);
    expect(trustedCaller(null)(top('http://localhost:5173/index.html'))).toBe(false);
  });

  it('describes the sender from the frame Electron names, never from what the page says', () => {
    expect(callerOf(eventFrom('app://claimdesk/index.html'))).toEqual({ frameUrl: 'app://claimdesk/index.html', isMainFrame: true });
    expect(callerOf(eventFrom('app://claimdesk/index.html', { subframe: true }))).toEqual({ frameUrl: 'app://claimdesk/index.html', isMainFrame: false });
    expect(callerOf({ senderFrame: null, sender: { mainFrame: null } })).toEqual({ frameUrl: null, isMainFrame: false });
  });
});
