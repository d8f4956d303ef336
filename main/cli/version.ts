/** The program's version, from package.json (bundled in at build time). */
import { version } from '../../package.json';

/** The version, e.g. "0.1.0". */
export const VERSION: string = version;

/** The generator named in exports, as the app names itself. */
export const GENERATOR = `Claimdesk ${VERSION}`;
