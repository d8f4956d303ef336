/**
 * The few web-standard globals that shared/ uses. Node and Chromium both provide them; the
 * shared project compiles without DOM or Node typings (so neither can creep in), so they are
 * declared here — only the members shared/ calls.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
}

declare class TextDecoder {
  constructor(label: 'utf-8' | 'utf-16le', options?: { readonly fatal?: boolean; readonly ignoreBOM?: boolean });
  decode(input: Uint8Array): string;
}
