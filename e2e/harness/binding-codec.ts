/**
 * Playwright bindings carry JSON, Electron's IPC carries structured clones. The only value in
 * the contract JSON cannot carry is a Uint8Array (an imported file), sent as base64 here.
 */

interface EncodedBytes {
  readonly __bytes: string;
}

function isEncodedBytes(value: unknown): value is EncodedBytes {
  return typeof value === 'object' && value !== null && typeof (value as EncodedBytes).__bytes === 'string';
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Replaces Uint8Arrays (one level deep, as the contract uses them) with base64 objects. */
export function encodeForBinding(args: unknown): unknown {
  if (typeof args !== 'object' || args === null) return args;
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v instanceof Uint8Array ? { __bytes: toBase64(v) } : v]));
}

/** Reverses `encodeForBinding`. */
export function decodeFromBinding(args: unknown): unknown {
  if (typeof args !== 'object' || args === null) return args;
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, isEncodedBytes(v) ? fromBase64(v.__bytes) : v]));
}
