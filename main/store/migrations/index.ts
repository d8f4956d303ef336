/**
 * The migrations, in order. Append only; `migrate` checks that they are numbered 1..N.
 */
import type { Migration } from '../migrate';
import { initial } from './001-initial';
import { claimRecord } from './002-claim-record';
import { claimIdentity } from './003-claim-identity';
import { documentVersions } from './004-document-versions';
import { review } from './005-review';
import { searchPrefix } from './006-search-prefix';
import { claimsInTextOrder } from './007-claims-in-text-order';
import { liveClaimsByDocument } from './008-live-claims-by-document';

/** Every migration this build knows, oldest first. */
export const MIGRATIONS: readonly Migration[] = [initial, claimRecord, claimIdentity, documentVersions, review, searchPrefix, claimsInTextOrder, liveClaimsByDocument];
